package com.brandcluster.perf;

/**
 * Response times of one phase in whole milliseconds (Gatling's resolution), counted per millisecond up to a minute;
 * percentiles are the smallest value at or below which the share of the requests lies.
 */
final class LatencyHistogram {

    private static final int MAX_MILLIS = 60_000;

    private final long[] counts = new long[MAX_MILLIS + 1];
    private long count;
    private long failed;

    /** A response time, or null for a failed request. */
    synchronized void record(Long millis) {
        if (millis == null) {
            failed++;
            return;
        }
        counts[(int) Math.min(Math.max(millis, 0), MAX_MILLIS)]++;
        count++;
    }

    /** Successful requests. */
    synchronized long count() {
        return count;
    }

    synchronized long failed() {
        return failed;
    }

    /** The {@code percent} percentile of the successful requests, in milliseconds; -1 when there are none. */
    synchronized long percentile(double percent) {
        long rank = (long) Math.ceil(count * percent / 100.0);
        long seen = 0;
        for (int millis = 0; millis <= MAX_MILLIS; millis++) {
            seen += counts[millis];
            if (seen >= Math.max(rank, 1)) {
                return millis;
            }
        }
        return -1;
    }
}
