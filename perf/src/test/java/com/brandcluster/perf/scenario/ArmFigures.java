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
 * @param bytesPerRequest   a download's length, 0 for a read
 * @param oldGeneration     a download's growth of the old generation of each service that serves it over the phase
 *                          (peak minus start), in KiB
 * @param rssGrowth         a download's growth of the resident memory of each process that serves it, in KiB
 */
public record ArmFigures(String label, long requests, long failed, double throughput, double medianMillis,
                         double p99Millis, Map<String, Double> cpuMillis, java.util.List<String> servedBy,
                         int keycloakRequests, Map<String, Long> rssKib, long bytesPerRequest,
                         Map<String, Long> oldGeneration, Map<String, Long> rssGrowth) {

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
