package com.brandcluster.perf.scenario;

import java.util.List;

import com.brandcluster.perf.driver.PortalProcess;

/**
 * One side of a comparison: the same request sent to {@code baseUrl}, served by {@code servedBy} (the processes whose
 * CPU time counts for it): a member's read (with the token of a member of its own for each virtual user) or, with a
 * {@link Transfer}, a download.
 *
 * @param label    short name, unique within the scenario, e.g. {@code direct}
 * @param baseUrl  where the requests go
 * @param path     the request's path and query
 * @param servedBy the processes that do the work of a request on this side
 * @param transfer what a download must answer; null for a read
 */
public record Arm(String label, String baseUrl, String path, List<PortalProcess> servedBy, Transfer transfer) {

    public Arm {
        servedBy = List.copyOf(servedBy);
    }

    /** A read, answered 200 with JSON. */
    public Arm(String label, String baseUrl, String path, List<PortalProcess> servedBy) {
        this(label, baseUrl, path, servedBy, null);
    }

    /**
     * A download: every answer has {@code status} and exactly {@code bytes} bytes ({@code Content-Length}, which the
     * HTTP client holds the body to); each virtual user's first request of the warm-up also has its body's MD5 checked.
     *
     * @param token         the bearer token every request sends
     * @param status        200, or 206 for ranges
     * @param bytes         the body's length
     * @param ranges        {@code Range} headers, one taken at random per request; null for whole files
     * @param verifiedRange the {@code Range} of the checked request (null for the whole file)
     * @param md5           the checked request's body's MD5, hex
     * @param users         concurrent virtual users (downloads of hundreds of megabytes need fewer than reads)
     */
    public record Transfer(String token, int status, long bytes, List<String> ranges, String verifiedRange,
                           String md5, int users) {
    }
}
