package com.brandcluster.perf.scenario;

import java.util.List;

import com.brandcluster.perf.driver.DirectoryPortal;

import static com.brandcluster.perf.scenario.BenchmarkScenario.millis;
import static com.brandcluster.perf.scenario.BenchmarkScenario.ratio;
import static com.brandcluster.perf.scenario.GatewayOverhead.holds;

/**
 * Scenario 2, auth overhead: the same read sent straight to membership-service as deployed (every token validated:
 * signature, issuer, audience, expiry, with the platform's cache of validated tokens) and to a second instance of the
 * same jar in the {@code benchmark} profile, which takes the token's claims unchecked (so the caller and the answer are
 * the same). Targets: at least 0.9x; no request to Keycloak (JWK set or otherwise) while measuring, after the warm-up.
 */
final class AuthOverhead implements BenchmarkScenario {

    static final String NAME = "auth-overhead";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Arm> arms(DirectoryPortal portal) {
        return List.of(
                new Arm("security off", portal.membershipUnchecked().baseUrl(), DirectoryPortal.directoryPage(),
                        List.of(portal.membershipUnchecked(), portal.mongo())),
                new Arm("JWT validated", portal.membership().baseUrl(), DirectoryPortal.directoryPage(),
                        List.of(portal.membership(), portal.mongo())));
    }

    @Override
    public List<TableRow> rows(List<ArmFigures> figures) {
        ArmFigures off = figures.get(0);
        ArmFigures validated = figures.get(1);
        double throughputRatio = validated.throughput() / off.throughput();
        int keycloak = validated.keycloakRequests();
        return List.of(
                new TableRow(NAME, "throughput (req/s)", String.format("%.0f security off", off.throughput()),
                        String.format("%.0f JWT validated", validated.throughput()),
                        ratio(validated.throughput(), off.throughput()), ">= 0.9x: " + holds(throughputRatio >= 0.9),
                        millis(off.cpuPerRequest()) + " -> " + millis(validated.cpuPerRequest())),
                BenchmarkScenario.capacity(NAME, off, validated),
                new TableRow(NAME, "median / p99 latency (ms)",
                        millis(off.medianMillis()) + " / " + millis(off.p99Millis()),
                        millis(validated.medianMillis()) + " / " + millis(validated.p99Millis()),
                        ratio(validated.medianMillis(), off.medianMillis()) + " / "
                                + ratio(validated.p99Millis(), off.p99Millis()), "", ""),
                new TableRow(NAME, "Keycloak requests after warm-up", "",
                        keycloak + " in " + validated.requests() + " requests", "", "0: " + holds(keycloak == 0), ""));
    }
}
