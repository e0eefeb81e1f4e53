package com.brandcluster.system.membership;

import com.brandcluster.system.support.Portal;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.KeycloakExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A full convention ballot of the lighting cluster through the gateway, with the real Keycloak and the demo members:
 * the secretariat drafts and opens a ballot, members vote (and change their minds), nobody but the voter sees a
 * vote, the tally after closing adopts the convention, it becomes the current one, and members accept it.
 */
@PortalSystemTest
@Order(3)
class ConventionBallotIT {

    private static final String PASSWORD = KeycloakExtension.DEMO_PASSWORD;

    @Test
    void aConventionIsDraftedBallotedTalliedAdoptedAndAccepted() {
        ApiClient portal = Portal.get().viaGateway();
        ApiClient secretariat = portal.as(KeycloakExtension.passwordToken("secretariat-lighting", PASSWORD));
        ApiClient opal = portal.as(KeycloakExtension.freshPasswordToken("enterprise-opal", PASSWORD));
        ApiClient foshan = portal.as(KeycloakExtension.freshPasswordToken("enterprise-foshan", PASSWORD));
        ApiClient nvc = portal.as(KeycloakExtension.freshPasswordToken("demo-nvc", PASSWORD));

        ApiClient.Response draft = secretariat.post("/api/membership/clusters/lighting/conventions", Map.of(
                "title", "Convention of the China Lighting Brand Cluster",
                "body", "Article 1. The cluster builds one national lighting brand. Article 2. Members use the "
                        + "cluster mark only while in good standing.",
                "changeSummary", "First convention"));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String id = draft.at("/id");
        String path = "/api/membership/conventions/" + id;

        assertThat(portal.as(KeycloakExtension.passwordToken("secretariat-coal", PASSWORD))
                .post(path + "/ballot", Map.of("closesAt", Instant.now().plusSeconds(60).toString(), "quorumPercent", 30))
                .status()).isEqualTo(403);
        ApiClient.Response opened = secretariat.post(path + "/ballot",
                Map.of("closesAt", Instant.now().plusSeconds(10).toString(), "quorumPercent", 30));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.at("/status")).isEqualTo("BALLOT");

        assertThat(opal.post(path + "/votes", Map.of("choice", "AGAINST")).status()).isEqualTo(200);
        assertThat(opal.post(path + "/votes", Map.of("choice", "FOR")).status()).isEqualTo(200);
        assertThat(foshan.post(path + "/votes", Map.of("choice", "FOR")).status()).isEqualTo(200);
        assertThat(nvc.post(path + "/votes", Map.of("choice", "AGAINST")).status()).isEqualTo(200);
        assertThat(opal.get(path + "/votes/mine").at("/choice")).isEqualTo("FOR");
        assertThat(secretariat.get(path + "/votes/mine").status()).isEqualTo(403);
        assertThat(secretariat.post(path + "/tally", null).status()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Instant.now().isAfter(Instant.parse(opened.at("/ballot/closesAt"))));
        assertThat(foshan.post(path + "/votes", Map.of("choice", "AGAINST")).status()).isEqualTo(409);
        ApiClient.Response tallied = secretariat.post(path + "/tally", null);

        assertThat(tallied.status()).as(tallied.toString()).isEqualTo(200);
        assertThat(tallied.at("/status")).isEqualTo("ADOPTED");
        assertThat(tallied.at("/result/votesFor")).isEqualTo("2");
        assertThat(tallied.at("/result/votesAgainst")).isEqualTo("1");
        assertThat(tallied.at("/result/quorumReached")).isEqualTo("true");
        assertThat(portal.anonymous().get("/api/membership/clusters/lighting/conventions/current").at("/id")).isEqualTo(id);

        assertThat(opal.post(path + "/acceptances", null).status()).isEqualTo(201);
        ApiClient.Response report = secretariat.get(path + "/acceptances");
        assertThat(report.json().get("accepted").findValuesAsString("enterpriseName")).containsExactly("Opal Lighting Co., Ltd.");
        assertThat(report.json().get("notAccepted").findValuesAsString("enterpriseName"))
                .contains("Foshan Electric and Lighting Co., Ltd.");
    }
}
