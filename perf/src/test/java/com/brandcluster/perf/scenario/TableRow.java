package com.brandcluster.perf.scenario;

/**
 * One line of the benchmark table: a figure beside its reference measured in the same run.
 *
 * @param scenario  the scenario's name
 * @param measure   what is compared, with its unit
 * @param reference the reference's value and what it is
 * @param figure    the figure's value and what it is
 * @param ratio     figure / reference (or the difference, when the target is one)
 * @param target    the target and whether it holds
 * @param cpu       CPU milliseconds per request, reference and figure
 */
public record TableRow(String scenario, String measure, String reference, String figure, String ratio, String target,
                       String cpu) {
}
