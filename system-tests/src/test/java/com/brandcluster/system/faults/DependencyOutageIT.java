package com.brandcluster.system.faults;

import com.brandcluster.system.support.Members;
import com.brandcluster.system.support.Portal;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.system.support.Users;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.FaultProxy;
import com.brandcluster.testsupport.KeycloakExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * membership-service slow, then unreachable, for one of its callers (expert-salon-service, through its fault proxy):
 * an enterprise states its needs for a cluster the salon service does not know it in, which makes it ask
 * membership-service. Answering after 5 s: the call gives up at its read timeout (2 s) and the request answers 503
 * problem details {@code membership-unavailable}; unreachable (connections refused, as when it is stopped): the same
 * 503, until the circuit breaker opens and refuses at once. Meanwhile the gateway's requests to the other services are
 * answered as before; restored, the circuit closes and the lookup works again.
 */
@PortalSystemTest
@Order(Integer.MAX_VALUE - 3)
class DependencyOutageIT {

    private static final String CALLER = "expert-salon-service";
    /** How late membership-service answers: more than the caller's read timeout (expert-salon-service: 2 s). */
    private static final Duration DELAY = Duration.ofSeconds(5);
    private static final String CIRCUIT_OPEN = "not called: its circuit breaker is open";

    private final Portal portal = Portal.get();

    @AfterEach
    void restore() {
        portal.restoreFaults();
    }

    @Test
    void callersAnswer503WithinTheirTimeoutTheCircuitOpensAndClosesAndOtherServicesAreUnaffected() {
        Members.foundLighting(portal);
        ApiClient enterprise = portal.viaGateway().as(newEnterprise());
        ApiClient secretariat = portal.viaGateway().as(KeycloakExtension.passwordToken("secretariat-lighting",
                KeycloakExtension.DEMO_PASSWORD));
        ApiClient.Response notAMember = stateNeeds(enterprise);
        assertThat(notAMember.status()).as(notAMember.toString()).isEqualTo(422);
        FaultProxy toMembership = portal.membershipProxy(CALLER);

        toMembership.delay(DELAY);
        long started = System.nanoTime();
        ApiClient.Response slow = stateNeeds(enterprise);
        Duration slowAnswer = Duration.ofNanos(System.nanoTime() - started);
        assertUnavailable(slow);
        assertThat(slowAnswer).as("gave up at its read timeout, before membership-service answered")
                .isLessThan(DELAY);

        toMembership.restore();
        toMembership.cut();
        long logFrom = logSize();
        List<Long> refusals = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            long before = System.nanoTime();
            assertUnavailable(stateNeeds(enterprise));
            refusals.add(Duration.ofNanos(System.nanoTime() - before).toMillis());
            return logSince(logFrom).contains(CIRCUIT_OPEN);
        });
        long openRefusal = System.nanoTime();
        assertUnavailable(stateNeeds(enterprise));
        long openRefusalMillis = Duration.ofNanos(System.nanoTime() - openRefusal).toMillis();
        assertThat(secretariat.get("/api/membership/clusters/lighting/audit").status()).isEqualTo(200);
        assertThat(secretariat.get("/api/events/clusters/lighting/events").status()).isEqualTo(200);
        assertThat(secretariat.get("/api/assets/clusters/lighting/assets").status()).isEqualTo(200);
        assertThat(portal.viaGateway().anonymous().get("/api/membership/clusters/lighting").status()).isEqualTo(200);

        toMembership.restore();
        long restored = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> stateNeeds(enterprise).status() == 422);
        long closedAfter = Duration.ofNanos(System.nanoTime() - restored).toMillis();
        System.out.printf("DependencyOutageIT: %s -> membership-service delayed 5 s: 503 after %d ms; cut: %d calls "
                        + "answered 503 in %s ms until the circuit opened, then refused in %d ms; other services "
                        + "through the gateway 200; after the restore the lookup worked again after %d ms%n", CALLER,
                slowAnswer.toMillis(), refusals.size(), refusals, openRefusalMillis, closedAfter);
    }

    private static ApiClient.Response stateNeeds(ApiClient enterprise) {
        return enterprise.put("/api/salons/needs", Map.of("topics", List.of("BRAND_STRATEGY"),
                "description", "Brand strategy for our lamps", "clusters", List.of("lighting")));
    }

    private static void assertUnavailable(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("/type")).endsWith("membership-unavailable");
    }

    /** A user of a newly registered enterprise that is a member of no cluster; returns its token. */
    private String newEnterprise() {
        String user = Users.create("dependency", "enterprise");
        ApiClient.Response registered = portal.viaGateway().as(Users.token(user)).post("/api/membership/enterprises",
                Map.of("legalName", "Dependency Test " + user + " Co., Ltd.", "creditCode", Members.newCreditCode(),
                        "region", "Guangdong", "industry", "Lighting", "size", "SMALL"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return Users.token(user);
    }

    private long logSize() {
        try {
            return Files.size(portal.salons().log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logSince(long offset) {
        try {
            byte[] log = Files.readAllBytes(portal.salons().log());
            return new String(log, (int) offset, log.length - (int) offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
