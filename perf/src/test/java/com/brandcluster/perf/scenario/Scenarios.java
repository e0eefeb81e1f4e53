package com.brandcluster.perf.scenario;

import java.util.List;

/**
 * Every scenario by name; {@value #SMOKE} runs each one briefly on one set of processes (the default build's check
 * that the harness works).
 */
public final class Scenarios {

    public static final String SMOKE = "smoke";

    private static final List<BenchmarkScenario> ALL = List.of(new GatewayOverhead(), new AuthOverhead(),
            new BookingContention(), new EventPropagation(), new Downloads(), new StartupMemory());

    private Scenarios() {
    }

    /** The scenarios a run of {@code name} runs: one, or all for {@value #SMOKE}. */
    public static List<BenchmarkScenario> forRun(String name) {
        if (SMOKE.equals(name)) {
            return ALL;
        }
        return List.of(byName(name));
    }

    public static BenchmarkScenario byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No scenario " + name + "; there are "
                        + ALL.stream().map(BenchmarkScenario::name).toList() + " and " + SMOKE));
    }
}
