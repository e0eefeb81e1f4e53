package com.brandcluster.system.membership;

import com.brandcluster.system.support.Portal;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.system.support.Users;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.KeycloakExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member's lifecycle through the gateway: a new enterprise applies, the lighting secretariat approves, suspends and
 * reinstates it; each step reaches the three consuming services' projections in order, and the public verification
 * follows.
 */
@PortalSystemTest
@Order(4)
class MemberLifecycleIT {

    private static final List<String> CONSUMER_APIS = List.of("/api/events", "/api/salons", "/api/assets");

    @Test
    void applyApproveSuspendAndReinstateReachEveryService() {
        ApiClient portal = Portal.get().viaGateway();
        String user = Users.create("lifecycle", "enterprise");
        ApiClient.Response registered = portal.as(Users.token(user)).post("/api/membership/enterprises", Map.of(
                "legalName", "Zhongshan Guzhen Lamps Co., Ltd.", "creditCode", "91442000MA4UTK3L0H",
                "region", "Guangdong", "industry", "Lighting", "size", "SMALL"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String enterpriseId = registered.at("/enterprise/id");
        ApiClient enterprise = portal.as(Users.token(user));
        ApiClient secretariat = portal.as(KeycloakExtension.passwordToken("secretariat-lighting", KeycloakExtension.DEMO_PASSWORD));

        ApiClient.Response applied = enterprise.post("/api/membership/clusters/lighting/applications", Map.of());
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        ApiClient.Response approved = secretariat.post("/api/membership/applications/" + applied.at("/id") + "/approval", null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        String memberNumber = enterprise.get("/api/membership/clusters/lighting/members/" + enterpriseId).at("/memberNumber");
        awaitStanding(enterprise, enterpriseId, "ACTIVE", 1);
        assertThat(portal.anonymous().get("/api/membership/verify/" + memberNumber).at("/current")).isEqualTo("true");

        String member = "/api/membership/clusters/lighting/members/" + enterpriseId;
        assertThat(portal.as(KeycloakExtension.passwordToken("secretariat-coal", KeycloakExtension.DEMO_PASSWORD))
                .post(member + "/suspension", Map.of("reason", "not ours to decide")).status()).isEqualTo(403);
        ApiClient.Response suspended = secretariat.post(member + "/suspension", Map.of("reason", "Annual fee unpaid"));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.at("/status")).isEqualTo("SUSPENDED");
        awaitStanding(enterprise, enterpriseId, "SUSPENDED", 2);
        ApiClient.Response verification = portal.anonymous().get("/api/membership/verify/" + memberNumber);
        assertThat(verification.at("/current")).isEqualTo("false");
        assertThat(verification.at("/enterpriseName")).isNull();

        ApiClient.Response reinstated = secretariat.post(member + "/reinstatement", Map.of("reason", "Fee paid"));
        assertThat(reinstated.status()).as(reinstated.toString()).isEqualTo(200);
        assertThat(reinstated.at("/status")).isEqualTo("ACTIVE");
        awaitStanding(enterprise, enterpriseId, "ACTIVE", 3);
        assertThat(portal.anonymous().get("/api/membership/verify/" + memberNumber).at("/enterpriseName"))
                .isEqualTo("Zhongshan Guzhen Lamps Co., Ltd.");
        assertThat(secretariat.get("/api/membership/clusters/lighting/audit").json().get("content")
                .findValuesAsString("action")).contains("membership.suspended", "membership.reinstated");
    }

    private static void awaitStanding(ApiClient enterprise, String enterpriseId, String status, int version) {
        for (String api : CONSUMER_APIS) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ApiClient.Response standing = enterprise.get(api + "/clusters/lighting/members/" + enterpriseId + "/standing");
                assertThat(standing.status()).as(standing.toString()).isEqualTo(200);
                assertThat(standing.at("/status")).as(api).isEqualTo(status);
                assertThat(standing.at("/version")).as(api).isEqualTo(Integer.toString(version));
            });
        }
    }
}
