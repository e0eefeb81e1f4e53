package com.brandcluster.perf.scenario;

import java.util.List;

import com.brandcluster.perf.driver.DirectoryPortal;

import static com.brandcluster.perf.scenario.BenchmarkScenario.millis;
import static com.brandcluster.perf.scenario.BenchmarkScenario.ratio;

/**
 * Scenario 1, gateway overhead: a member's read of its cluster's directory page (bearer token, validated on both
 * sides) sent straight to membership-service and through the gateway, at the same concurrency. Targets: gateway
 * throughput at least 0.6x direct, at most 2 ms added to the median, p99 at most 1.5x direct; the gateway's own CPU
 * time per request reported.
 */
final class GatewayOverhead implements BenchmarkScenario {

    static final String NAME = "gateway-overhead";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Arm> arms(DirectoryPortal portal) {
        return List.of(
                new Arm("direct", portal.membership().baseUrl(), DirectoryPortal.directoryPage(),
                        List.of(portal.membership(), portal.mongo())),
                new Arm("via gateway", portal.gateway().baseUrl(), DirectoryPortal.directoryPage(),
                        List.of(portal.gateway(), portal.membership(), portal.mongo())));
    }

    @Override
    public List<TableRow> rows(List<ArmFigures> figures) {
        ArmFigures direct = figures.get(0);
        ArmFigures gateway = figures.get(1);
        String cpu = millis(direct.cpuPerRequest()) + " -> " + millis(gateway.cpuPerRequest());
        double throughputRatio = gateway.throughput() / direct.throughput();
        double addedMedian = gateway.medianMillis() - direct.medianMillis();
        double p99Ratio = gateway.p99Millis() / direct.p99Millis();
        return List.of(
                new TableRow(NAME, "throughput (req/s)", String.format("%.0f direct", direct.throughput()),
                        String.format("%.0f via gateway", gateway.throughput()), ratio(gateway.throughput(),
                        direct.throughput()), ">= 0.6x: " + holds(throughputRatio >= 0.6), cpu),
                BenchmarkScenario.capacity(NAME, direct, gateway),
                new TableRow(NAME, "median latency (ms)", millis(direct.medianMillis()), millis(gateway.medianMillis()),
                        String.format("%+.2f ms", addedMedian), "<= +2 ms: " + holds(addedMedian <= 2), ""),
                new TableRow(NAME, "p99 latency (ms)", millis(direct.p99Millis()), millis(gateway.p99Millis()),
                        ratio(gateway.p99Millis(), direct.p99Millis()), "<= 1.5x: " + holds(p99Ratio <= 1.5), ""),
                new TableRow(NAME, "gateway CPU per request (ms)", "",
                        millis(gateway.cpuPerRequest("gateway")), "", "reported",
                        "membership " + millis(direct.cpuPerRequest("membership-service")) + " -> "
                                + millis(gateway.cpuPerRequest("membership-service"))));
    }

    static String holds(boolean holds) {
        return holds ? "met" : "MISSED";
    }
}
