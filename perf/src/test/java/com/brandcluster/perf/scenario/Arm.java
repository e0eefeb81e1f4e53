package com.brandcluster.perf.scenario;

import java.util.List;

import com.brandcluster.perf.driver.PortalProcess;

/**
 * One side of a comparison: the same read sent to {@code baseUrl}, served by {@code servedBy} (the processes whose CPU
 * time counts for it).
 *
 * @param label    short name, unique within the scenario, e.g. {@code direct}
 * @param baseUrl  where the requests go
 * @param path     the request's path and query
 * @param servedBy the processes that do the work of a request on this side
 */
public record Arm(String label, String baseUrl, String path, List<PortalProcess> servedBy) {

    public Arm {
        servedBy = List.copyOf(servedBy);
    }
}
