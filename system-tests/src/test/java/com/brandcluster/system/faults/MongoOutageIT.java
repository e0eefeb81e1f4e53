package com.brandcluster.system.faults;

import com.brandcluster.system.support.Members;
import com.brandcluster.system.support.Portal;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.FaultProxy;
import com.brandcluster.testsupport.KeycloakExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One service's MongoDB unreachable (branding-assets-service's connection cut at its fault proxy): its readiness turns
 * DOWN, the gateway answers 503 problem details for its API, the other services answer as before; when the database
 * is back, the service recovers by itself.
 */
@PortalSystemTest
@Order(Integer.MAX_VALUE - 2)
class MongoOutageIT {

    private static final String SERVICE = "branding-assets-service";
    private static final String ASSETS = "/api/assets/clusters/lighting/assets";

    private final Portal portal = Portal.get();

    @AfterEach
    void restore() {
        portal.restoreFaults();
    }

    @Test
    void readinessGoesDownTheGatewayAnswers503AndTheServiceRecoversByItself() {
        Members.foundLighting(portal);
        ApiClient secretariat = portal.viaGateway().as(KeycloakExtension.passwordToken("secretariat-lighting",
                KeycloakExtension.DEMO_PASSWORD));
        ApiClient assets = new ApiClient(portal.assets().baseUrl());
        assertThat(assets.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(secretariat.get(ASSETS).status()).isEqualTo(200);
        FaultProxy database = portal.mongoProxy(SERVICE);

        database.cut();
        long cut = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> assets.get("/actuator/health/readiness").status() == 503);
        long downAfter = Duration.ofNanos(System.nanoTime() - cut).toMillis();
        long asked = System.nanoTime();
        ApiClient.Response unavailable = secretariat.get(ASSETS);
        long answeredIn = Duration.ofNanos(System.nanoTime() - asked).toMillis();
        assertThat(unavailable.status()).as(unavailable.toString()).isEqualTo(503);
        assertThat(unavailable.contentType()).startsWith("application/problem+json");
        assertThat(unavailable.at("/type")).isEqualTo("urn:brandcluster:problem:database-unavailable");
        assertThat(unavailable.body()).doesNotContain("mongodb").doesNotContain("127.0.0.1");
        assertThat(secretariat.get("/api/events/clusters/lighting/events").status()).isEqualTo(200);
        assertThat(secretariat.get("/api/membership/clusters/lighting/audit").status()).isEqualTo(200);
        assertThat(new ApiClient(portal.events().baseUrl()).get("/actuator/health/readiness").status())
                .isEqualTo(200);

        database.restore();
        long restored = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> assets.get("/actuator/health/readiness").status() == 200);
        long upAfter = Duration.ofNanos(System.nanoTime() - restored).toMillis();
        ApiClient.Response back = secretariat.get(ASSETS);
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        System.out.printf("MongoOutageIT: %s's MongoDB cut: readiness DOWN after %d ms, the gateway answered 503 "
                + "database-unavailable in %d ms, events- and membership-service 200; restored: readiness UP after "
                + "%d ms, the API 200 again%n", SERVICE, downAfter, answeredIn, upAfter);
    }
}
