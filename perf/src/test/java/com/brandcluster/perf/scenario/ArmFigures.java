package com.brandcluster.perf.scenario;

import java.util.Map;

/**
 * What one arm measured in its measured phase (the warm-up is not in it).
 *
 * @param label             the arm
 * @param requests          requests completed, from Gatling's report
 * @param failed            requests that failed (an error status, a timeout)
 * @param throughput        requests per second over the phase
 * @param medianMillis      median response time, Gatling's resolution (1 ms)
 * @param p99Millis         99th percentile response time
 * @param cpuMillis         CPU time of each portal process during the phase, by process name
 * @param servedBy          the processes that serve this arm, summed in {@link #cpuPerRequest()}
 * @param keycloakRequests  requests that reached the Keycloak stand-ins (JWK set, admin API) during the phase
 * @param rssKib            resident memory of each portal process at the end of the phase, in KiB, by process name
 * @param outcomes          the requests told apart by outcome (e.g. booked and refused), where the arm does
 * @param counts            what the arm counted (e.g. refusals by problem type) and read from the portal afterwards
 * @param bytesPerRequest   a download's length, 0 for a read
 * @param oldGeneration     a download's growth of the old generation of each service that serves it over the phase
 *                          (peak minus start), in KiB
 * @param rssGrowth         a download's growth of the resident memory of each process that serves it, in KiB
 */
public record ArmFigures(String label, long requests, long failed, double throughput, double medianMillis,
                         double p99Millis, Map<String, Double> cpuMillis, java.util.List<String> servedBy,
                         int keycloakRequests, Map<String, Long> rssKib, Map<String, Outcome> outcomes,
                         Map<String, Long> counts, long bytesPerRequest, Map<String, Long> oldGeneration,
                         Map<String, Long> rssGrowth) {

    /**
     * The requests of one outcome.
     *
     * @param requests     how many
     * @param medianMillis their median response time (1 ms resolution)
     * @param p99Millis    their 99th percentile response time
     */
    public record Outcome(long requests, double medianMillis, double p99Millis) {
    }

    /** The requests of {@code outcome}; none when there were none. */
    public Outcome outcome(String outcome) {
        return outcomes.getOrDefault(outcome, new Outcome(0, Double.NaN, Double.NaN));
    }

    /** A count of the arm; 0 when it counted none. */
    public long count(String what) {
        return counts.getOrDefault(what, 0L);
    }

    /** Megabytes (MiB) per second of a download arm over the phase. */
    public double mibPerSecond() {
        return throughput * bytesPerRequest / (1024.0 * 1024.0);
    }

    /** Resident memory of one process at the end of the phase, in MiB. */
    public double rssMib(String process) {
        return rssKib.getOrDefault(process, 0L) / 1024.0;
    }

    /** CPU milliseconds per request of the processes that serve this arm. */
    public double cpuPerRequest() {
        return servedBy.stream().mapToDouble(name -> cpuPerRequest(name)).sum();
    }

    /** CPU milliseconds per request of one process. */
    public double cpuPerRequest(String process) {
        return requests == 0 ? Double.NaN : cpuMillis.getOrDefault(process, 0.0) / requests;
    }
}
