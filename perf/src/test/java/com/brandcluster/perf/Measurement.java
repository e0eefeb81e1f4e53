package com.brandcluster.perf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import com.brandcluster.perf.driver.PortalProcess;
import com.brandcluster.perf.scenario.Arm;

/**
 * The measured phase of one arm: opened when its first virtual user starts and closed when its last one ends, with
 * each portal process's CPU time and the Keycloak stand-ins' request count read at both moments, and its resident memory
 * at the end. Requests may be told apart by outcome (each with its own response times), events counted by name, and
 * counts read from the portal once the run is over (what a scenario checks afterwards). For a download, the memory of
 * the processes that serve it is also sampled every {@value #SAMPLE_MILLIS} ms during the phase ({@link Growth}).
 */
final class Measurement {

    private static final long SAMPLE_MILLIS = 1000;

    private final String scenario;
    private final Arm arm;
    private final List<PortalProcess> processes;
    private final IntSupplier keycloakRequests;
    private final AtomicInteger running = new AtomicInteger();
    private final LatencyHistogram latencies = new LatencyHistogram();
    private final Map<String, LatencyHistogram> outcomes = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Supplier<Map<String, Long>> afterwards;
    private final Map<String, Growth> growth = new LinkedHashMap<>();
    private volatile Thread sampler;
    private volatile Snapshot start;
    private volatile Snapshot end;

    Measurement(String scenario, Arm arm, List<PortalProcess> processes, IntSupplier keycloakRequests) {
        this(scenario, arm, processes, keycloakRequests, Map::of);
    }

    /** A phase whose record holds {@code afterwards}' counts too, read when the record is made. */
    Measurement(String scenario, Arm arm, List<PortalProcess> processes, IntSupplier keycloakRequests,
                Supplier<Map<String, Long>> afterwards) {
        this.scenario = scenario;
        this.arm = arm;
        this.processes = List.copyOf(processes);
        this.keycloakRequests = keycloakRequests;
        this.afterwards = afterwards;
    }

    /** Gatling's name of the arm's measured requests. */
    String requestName() {
        return requestName(scenario, arm.label());
    }

    static String requestName(String scenario, String arm) {
        return scenario + ": " + arm;
    }

    boolean isDownload() {
        return arm.transfer() != null;
    }

    void userStarted() {
        if (running.getAndIncrement() == 0 && start == null) {
            start = snapshot();
            if (arm.transfer() != null) {
                arm.servedBy().forEach(process -> growth.put(process.name(), new Growth(process)));
                sampler = Thread.ofPlatform().daemon().name("memory-" + arm.label()).start(this::sample);
            }
        }
    }

    /** One request of the phase: its response time, or a failure (null). */
    void record(Long responseMillis) {
        latencies.record(responseMillis);
    }

    /** One request of the phase and its outcome (e.g. {@code booked}): its response time, or a failure (null). */
    void record(String outcome, Long responseMillis) {
        record(responseMillis);
        if (responseMillis != null) {
            synchronized (outcomes) {
                outcomes.computeIfAbsent(outcome, ignored -> new LatencyHistogram()).record(responseMillis);
            }
        }
    }

    /** Counts one more of {@code what} (e.g. a kind of refusal). */
    void count(String what) {
        synchronized (counts) {
            counts.merge(what, 1L, Long::sum);
        }
    }

    void userFinished() {
        if (running.decrementAndGet() == 0) {
            end = snapshot();
            if (sampler != null) {
                sampler.interrupt();
                growth.values().forEach(Growth::sample);
            }
        }
    }

    /** What the table needs of this phase, for the run's record. */
    Map<String, Object> record() {
        if (start == null || end == null) {
            throw new IllegalStateException("The measured phase of " + requestName() + " did not run to its end");
        }
        Map<String, Object> cpu = new LinkedHashMap<>();
        start.cpuMillis().forEach((process, before) -> cpu.put(process, end.cpuMillis().get(process) - before));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("scenario", scenario);
        record.put("arm", arm.label());
        record.put("request", requestName());
        record.put("durationMillis", end.millis() - start.millis());
        record.put("requests", latencies.count());
        record.put("failed", latencies.failed());
        record.put("medianMillis", latencies.percentile(50));
        record.put("p99Millis", latencies.percentile(99));
        record.put("cpuMillis", cpu);
        record.put("servedBy", arm.servedBy().stream().map(PortalProcess::name).toList());
        record.put("keycloakRequests", end.keycloakRequests() - start.keycloakRequests());
        record.put("rssKib", end.rssKib());
        Map<String, Object> byOutcome = new LinkedHashMap<>();
        synchronized (outcomes) {
            outcomes.forEach((outcome, histogram) -> byOutcome.put(outcome, Map.of("requests", histogram.count(),
                    "medianMillis", histogram.percentile(50), "p99Millis", histogram.percentile(99))));
        }
        record.put("outcomes", byOutcome);
        Map<String, Long> counted;
        synchronized (counts) {
            counted = new LinkedHashMap<>(counts);
        }
        counted.putAll(afterwards.get());
        record.put("counts", counted);
        record.put("users", arm.transfer() == null ? null : arm.transfer().users());
        record.put("bytesPerRequest", arm.transfer() == null ? null : arm.transfer().bytes());
        Map<String, Object> oldGeneration = new LinkedHashMap<>();
        Map<String, Object> rss = new LinkedHashMap<>();
        growth.forEach((process, g) -> {
            if (g.oldGenerationAtStart >= 0) {
                oldGeneration.put(process, g.oldGenerationPeak - g.oldGenerationAtStart);
            }
            rss.put(process, g.rssPeak - g.rssAtStart);
        });
        record.put("oldGenerationGrowthKib", oldGeneration);
        record.put("rssGrowthKib", rss);
        return record;
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(SAMPLE_MILLIS);
            }
            catch (InterruptedException ex) {
                return;
            }
            growth.values().forEach(Growth::sample);
        }
    }

    /**
     * How far a process's memory rose above where it was when the phase opened: the peak of the samples (resident
     * memory, and the heap's old generation of a service) minus the value at the start.
     */
    private static final class Growth {

        private final PortalProcess process;
        private final long rssAtStart;
        private final long oldGenerationAtStart;
        private volatile long rssPeak;
        private volatile long oldGenerationPeak;

        Growth(PortalProcess process) {
            this.process = process;
            this.rssAtStart = process.rssKib();
            this.oldGenerationAtStart = process.oldGenerationKib();
            this.rssPeak = rssAtStart;
            this.oldGenerationPeak = oldGenerationAtStart;
        }

        synchronized void sample() {
            rssPeak = Math.max(rssPeak, process.rssKib());
            if (oldGenerationAtStart >= 0) {
                oldGenerationPeak = Math.max(oldGenerationPeak, process.oldGenerationKib());
            }
        }
    }

    private Snapshot snapshot() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Long> rss = new LinkedHashMap<>();
        for (PortalProcess process : processes) {
            cpu.put(process.name(), process.cpuTime().toNanos() / 1e6);
            rss.put(process.name(), process.rssKib());
        }
        return new Snapshot(System.currentTimeMillis(), cpu, keycloakRequests.getAsInt(), rss);
    }

    private record Snapshot(long millis, Map<String, Double> cpuMillis, int keycloakRequests,
                            Map<String, Long> rssKib) {
    }
}
