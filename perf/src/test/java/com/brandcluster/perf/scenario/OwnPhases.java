package com.brandcluster.perf.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.brandcluster.perf.driver.CoreSplit;
import com.brandcluster.perf.driver.DirectoryPortal;
import io.gatling.javaapi.core.PopulationBuilder;

/**
 * A scenario whose load is not the directory read of its {@link Arm}s: it starts what else it needs beside the
 * {@link DirectoryPortal}, gives the simulation its own populations (chained after the phases before it) and, once
 * they have run, the records of its measured phases in the fields every measured phase records ({@code scenario},
 * {@code arm}, {@code requests}, {@code failed}, {@code durationMillis}, percentiles, {@code cpuMillis},
 * {@code servedBy}...), from which its {@link BenchmarkScenario#rows} are made.
 */
public interface OwnPhases {

    /** Starts what the scenario needs and builds its phases. */
    Phases start(DirectoryPortal portal, CoreSplit cores, Path dir, Duration warmup, Duration measure);

    /** The phases of one run of the scenario; closing stops what it started. */
    interface Phases extends AutoCloseable {

        /** Run one after the other, in this order. */
        List<PopulationBuilder> populations();

        /** The measured phases' records, once the populations have run. */
        List<Map<String, Object>> records();

        @Override
        void close();
    }
}
