package com.brandcluster.perf.scenario;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.brandcluster.perf.driver.DirectoryPortal;
import tools.jackson.databind.JsonNode;

/**
 * A benchmark of issue 11: arms that send the same request to different sides at the same concurrency (the reference
 * first), warmed up one after the other and then measured one after the other, and the table rows made of what they
 * measured. A scenario that needs other processes than {@link DirectoryPortal}'s names the {@link #parts} it needs,
 * adds a portal of its own started side by side with it (as booking contention does), or, when its load is not the
 * directory read, is also {@link OwnPhases} (starting what it needs beside the directory portal).
 */
public interface BenchmarkScenario {

    /** The name on the command line: {@code -Dscenario=NAME}. */
    String name();

    /**
     * What the driver starts of {@link DirectoryPortal} for this scenario; none for one that starts a portal of its own
     * and has no arms there, and then no {@link DirectoryPortal} is started for it.
     */
    default Set<DirectoryPortal.Part> parts() {
        return EnumSet.of(DirectoryPortal.Part.DIRECTORY);
    }

    /**
     * The sides compared, the reference first; none for a scenario whose load is its own (a portal of its own, or
     * {@link OwnPhases}).
     */
    default List<Arm> arms(DirectoryPortal portal) {
        return List.of();
    }

    /** The table's rows from the arms' figures (same order as {@link #arms}). */
    List<TableRow> rows(List<ArmFigures> figures);

    /** What the scenario prints below the table, from the run's record ({@code run.json}); nothing by default. */
    default String details(JsonNode run) {
        return "";
    }

    /**
     * The row that compares what each arm costs rather than what it got: requests per second one core would serve if
     * the arm's processes had it to themselves (1000 / CPU ms per request). It holds when other programs take part of
     * the portal's core during one arm and not the other, which the throughput row does not.
     */
    static TableRow capacity(String scenario, ArmFigures reference, ArmFigures figure) {
        double referenceCapacity = 1000 / reference.cpuPerRequest();
        double figureCapacity = 1000 / figure.cpuPerRequest();
        return new TableRow(scenario, "CPU-bound capacity (req/s per core)",
                String.format("%.0f %s", referenceCapacity, reference.label()),
                String.format("%.0f %s", figureCapacity, figure.label()), ratio(figureCapacity, referenceCapacity),
                "", millis(reference.cpuPerRequest()) + " -> " + millis(figure.cpuPerRequest()));
    }

    /** {@code figure / reference}, two decimals, "x" appended. */
    static String ratio(double figure, double reference) {
        return String.format("%.2fx", figure / reference);
    }

    /** Milliseconds, two decimals. */
    static String millis(double value) {
        return String.format("%.2f", value);
    }
}
