package com.brandcluster.membership.cluster;

import com.brandcluster.contracts.membership.SecretariatChanged;
import com.brandcluster.membership.MembershipIntegrationTest;
import com.brandcluster.membership.enterprise.KeycloakStub;
import com.brandcluster.membership.enterprise.PublishedEvents;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.brandcluster.membership.enterprise.KeycloakStub.USERS;
import static com.brandcluster.membership.enterprise.KeycloakStub.attributes;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The alliance office appoints a cluster's secretariat; Keycloak's secretariat_of and role follow. */
class SecretariatApiIT extends MembershipIntegrationTest {

    @Autowired
    Secretariats secretariats;

    private KeycloakStub users;
    private PublishedEvents events;

    @BeforeEach
    void setUp() throws Exception {
        users = new KeycloakStub(keycloak).realm();
        events = new PublishedEvents();
    }

    @AfterEach
    void close() throws Exception {
        events.close();
    }

    private static String path(String cluster) {
        return "/api/membership/clusters/" + cluster + "/secretariat";
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> appointment(String... users) {
        return Map.of("users", List.of(users), "reason", "Appointed by the alliance council");
    }

    private static List<String> members(ApiClient.Response response) {
        return response.json().get("members").findValuesAsString("userId");
    }

    @Test
    void theAllianceOfficeAppointsASecretariatByUsernameAndEmail() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String zhang = unique("zhang");
        String wang = unique("wang");
        users.user(zhang, zhang, zhang + "@alliance.example", attributes("secretariat_of", "tea"), "secretariat")
                .user(wang, "wang.fang." + wang, wang + "@alliance.example",
                        Map.of("locale", List.of("zh-CN")), "enterprise");

        ApiClient.Response appointed = api.as(allianceAdmin()).put(path(cluster),
                appointment(zhang, " " + wang + "@alliance.example "));

        assertThat(appointed.status()).as(appointed.toString()).isEqualTo(200);
        assertThat(members(appointed)).containsExactly(zhang, wang);
        assertThat(appointed.at("/changeInProgress")).isEqualTo("false");
        keycloak.verify(putRequestedFor(urlEqualTo(USERS + "/" + zhang)).withRequestBody(equalToJson(
                "{\"attributes\":{\"secretariat_of\":[\"tea\",\"" + cluster + "\"]}}", true, true)));
        keycloak.verify(putRequestedFor(urlEqualTo(USERS + "/" + wang)).withRequestBody(equalToJson(
                "{\"attributes\":{\"secretariat_of\":[\"" + cluster + "\"],\"locale\":[\"zh-CN\"]}}", true, true)));
        keycloak.verify(0, postRequestedFor(urlEqualTo(USERS + "/" + zhang + "/role-mappings/realm")));
        keycloak.verify(postRequestedFor(urlEqualTo(USERS + "/" + wang + "/role-mappings/realm"))
                .withRequestBody(equalToJson("[{\"id\":\"role-secretariat\",\"name\":\"secretariat\"}]")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events.where("clusterId", cluster, SecretariatChanged.ROUTING_KEY)).hasSize(1));
        PublishedEvents.Event changed = events.where("clusterId", cluster, SecretariatChanged.ROUTING_KEY).getFirst();
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.body().get("members").findValuesAsString("userId")).containsExactly(zhang, wang);
        assertThat(changed.body().get("members").get(1).get("username").asString()).isEqualTo("wang.fang." + wang);
        assertThat(changed.body().get("members").get(1).get("email").asString()).isEqualTo(wang + "@alliance.example");
        assertThat(changed.body().get("members").get(1).get("locale").asString()).isEqualTo("zh-CN");
        assertThat(changed.body().get("addedUserIds").toString()).isEqualTo("[\"" + zhang + "\",\"" + wang + "\"]");
        assertThat(changed.body().get("removedUserIds").isEmpty()).isTrue();

        ApiClient.Response trail = api.as(secretariatOf(cluster)).get("/api/membership/clusters/" + cluster + "/audit");
        assertThat(trail.at("/content/0/action")).isEqualTo("secretariat.changed");
        assertThat(trail.at("/content/0/actorRole")).isEqualTo("alliance-admin");
        assertThat(trail.at("/content/0/reason")).isEqualTo("Appointed by the alliance council");
        assertThat(trail.at("/content/0/details/added/1")).isEqualTo(wang);
    }

    @Test
    void leavingTakesTheClusterAndWithTheLastClusterTheRole() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String stays = unique("stays");
        String leaves = unique("leaves");
        String keepsTea = unique("keeps-tea");
        users.user(stays, stays, null, Map.of(), "secretariat")
                .user(leaves, leaves, null, Map.of(), "secretariat")
                .user(keepsTea, keepsTea, null, attributes("secretariat_of", "tea"), "secretariat");
        ApiClient admin = api.as(allianceAdmin());
        assertThat(admin.put(path(cluster), appointment(stays, leaves, keepsTea)).status()).isEqualTo(200);
        users.user(leaves, leaves, null, attributes("secretariat_of", cluster), "secretariat")
                .user(keepsTea, keepsTea, null, attributes("secretariat_of", "tea", cluster), "secretariat");

        ApiClient.Response rotated = admin.put(path(cluster), appointment(stays));

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat(members(rotated)).containsExactly(stays);
        keycloak.verify(putRequestedFor(urlEqualTo(USERS + "/" + leaves))
                .withRequestBody(matchingJsonPath("$.attributes.secretariat_of", absent())));
        keycloak.verify(deleteRequestedFor(urlEqualTo(USERS + "/" + leaves + "/role-mappings/realm"))
                .withRequestBody(equalToJson("[{\"id\":\"role-secretariat\",\"name\":\"secretariat\"}]")));
        keycloak.verify(putRequestedFor(urlEqualTo(USERS + "/" + keepsTea)).withRequestBody(equalToJson(
                "{\"attributes\":{\"secretariat_of\":[\"tea\"]}}", true, true)));
        keycloak.verify(0, deleteRequestedFor(urlEqualTo(USERS + "/" + keepsTea + "/role-mappings/realm")));
        keycloak.verify(0, deleteRequestedFor(urlEqualTo(USERS + "/" + stays + "/role-mappings/realm")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events.where("clusterId", cluster, SecretariatChanged.ROUTING_KEY)).hasSize(2));
        PublishedEvents.Event second = events.where("clusterId", cluster, SecretariatChanged.ROUTING_KEY).getLast();
        assertThat(second.version()).isEqualTo(3);
        assertThat(second.body().get("addedUserIds").isEmpty()).isTrue();
        assertThat(second.body().get("removedUserIds").toString()).isEqualTo("[\"" + leaves + "\",\"" + keepsTea + "\"]");
        assertThat(second.body().get("members").findValuesAsString("userId")).containsExactly(stays);
    }

    @Test
    void onlyTheAllianceOfficeAppointsSecretariats() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String candidate = unique("candidate");
        users.user(candidate, candidate, null, Map.of());
        Map<String, Object> request = appointment(candidate);

        assertProblem(api.as(secretariatOf(cluster)).put(path(cluster), request), 403, "forbidden");
        assertProblem(api.as(secretariatOf("coking-coal")).put(path(cluster), request), 403, "forbidden");
        assertProblem(api.as(enterpriseUser("sec-ent", "ent-1")).put(path(cluster), request), 403, "forbidden");
        assertProblem(api.as(expert()).put(path(cluster), request), 403, "forbidden");
        assertProblem(api.anonymous().put(path(cluster), request), 401, null);
        assertProblem(api.as(allianceAdmin()).put(path("no-such-cluster"), request), 404, "not-found");

        keycloak.verify(0, putRequestedFor(urlPathMatching(USERS + "/.*")));
        assertThat(members(api.as(allianceAdmin()).get(path(cluster)))).isEmpty();
    }

    @Test
    void theSecretariatIsReadByTheAllianceOfficeAndThatSecretariatOnly() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String member = unique("member");
        users.user(member, member, member + "@alliance.example", Map.of(), "secretariat");
        api.as(allianceAdmin()).put(path(cluster), appointment(member));

        ApiClient.Response byAdmin = api.as(allianceAdmin()).get(path(cluster));
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(members(byAdmin)).containsExactly(member);
        assertThat(byAdmin.at("/members/0/email")).isEqualTo(member + "@alliance.example");
        assertThat(byAdmin.at("/members/0/since")).isNotBlank();
        assertThat(api.as(secretariatOf(cluster)).get(path(cluster)).status()).isEqualTo(200);
        assertProblem(api.as(secretariatOf("coking-coal")).get(path(cluster)), 403, "forbidden");
        assertProblem(api.as(enterpriseUser("sec-reader", "ent-1")).get(path(cluster)), 403, "forbidden");
        assertProblem(api.as(expert()).get(path(cluster)), 403, "forbidden");
        assertProblem(api.anonymous().get(path(cluster)), 401, null);
        assertProblem(api.as(allianceAdmin()).get(path("no-such-cluster")), 404, "not-found");
    }

    @Test
    void unknownUsersAreNamedAndNothingChanges() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String known = unique("known");
        users.user(known, known, null, Map.of());

        ApiClient.Response refused = api.as(allianceAdmin()).put(path(cluster),
                appointment(known, "ghost", "nobody@alliance.example"));

        assertProblem(refused, 422, "unknown-user");
        assertThat(refused.json().get("unknownUsers").toString()).isEqualTo("[\"ghost\",\"nobody@alliance.example\"]");
        assertThat(refused.at("/detail")).contains("ghost", "nobody@alliance.example");
        keycloak.verify(0, putRequestedFor(urlPathMatching(USERS + "/.*")));
        assertThat(members(api.as(allianceAdmin()).get(path(cluster)))).isEmpty();
    }

    @Test
    void aUserDeletedWhileBeingAppointedIsLeftOut() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String present = unique("present");
        String deleted = unique("deleted");
        users.user(present, present, null, Map.of(), "secretariat").user(deleted, deleted, null, Map.of());
        keycloak.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(USERS + "/" + deleted))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(404)));

        ApiClient.Response appointed = api.as(allianceAdmin()).put(path(cluster), appointment(present, deleted));

        assertThat(appointed.status()).as(appointed.toString()).isEqualTo(200);
        assertThat(members(appointed)).containsExactly(present);
    }

    @Test
    void badAppointmentsAreRefused() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        ApiClient admin = api.as(allianceAdmin());

        assertProblem(admin.put(path(cluster), Map.of("reason", "none")), 400, "validation");
        ApiClient.Response blank = admin.put(path(cluster), Map.of("users", List.of(" ")));
        assertProblem(blank, 400, "validation");
        ApiClient.Response smuggled = admin.put(path(cluster), Map.of("users", List.of(), "clusterId", "other"));
        assertProblem(smuggled, 400, "unknown-property");
        assertThat(smuggled.body()).contains("clusterId");
        List<String> many = new ArrayList<>(Collections.nCopies(51, "someone"));
        assertProblem(admin.put(path(cluster), Map.of("users", many)), 400, "validation");
        assertProblem(admin.put(path(cluster), Map.of("users", List.of("x".repeat(255)))), 400, "validation");

        keycloak.verify(0, anyRequestedFor(urlPathMatching(USERS + ".*")));
    }

    @Test
    void whenKeycloakIsDownTheAppointmentFailsClearlyAndNothingChanges() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        users.down();

        ApiClient.Response down = api.as(allianceAdmin()).put(path(cluster), appointment("secretariat-lighting"));

        assertProblem(down, 503, "identity-service-unavailable");
        assertThat(down.body()).doesNotContain("Connection reset", "Exception");
        ApiClient.Response read = api.as(allianceAdmin()).get(path(cluster));
        assertThat(members(read)).isEmpty();
        assertThat(read.at("/changeInProgress")).isEqualTo("false");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(events.where("clusterId", cluster, SecretariatChanged.ROUTING_KEY)).isEmpty());
    }

    @Test
    void anAppointmentInterruptedByAnOutageIsFinishedByARetry() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String first = unique("first");
        String flaky = unique("flaky");
        users.user(first, first, null, Map.of(), "secretariat").user(flaky, flaky, null, Map.of()).writesFail(flaky);
        ApiClient admin = api.as(allianceAdmin());

        assertProblem(admin.put(path(cluster), appointment(first, flaky)), 503, "identity-service-unavailable");
        ApiClient.Response interrupted = admin.get(path(cluster));
        assertThat(members(interrupted)).isEmpty();
        assertThat(interrupted.at("/changeInProgress")).isEqualTo("true");

        users.up();
        ApiClient.Response retried = admin.put(path(cluster), appointment(first, flaky));

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(members(retried)).containsExactly(first, flaky);
        assertThat(retried.at("/changeInProgress")).isEqualTo("false");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events.where("clusterId", cluster, SecretariatChanged.ROUTING_KEY)).hasSize(1));
        assertThat(events.where("clusterId", cluster, SecretariatChanged.ROUTING_KEY).getFirst().version()).isEqualTo(2);
    }

    @Test
    void aRetryWithAnotherListUndoesWhatTheInterruptedChangeWrote() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String written = unique("written");
        String flaky = unique("flaky");
        users.user(written, written, null, Map.of()).user(flaky, flaky, null, Map.of()).writesFail(flaky);
        ApiClient admin = api.as(allianceAdmin());
        assertProblem(admin.put(path(cluster), appointment(written, flaky)), 503, "identity-service-unavailable");
        // the first user's secretariat_of was written before the outage
        users.up().user(written, written, null, attributes("secretariat_of", cluster), "secretariat");

        ApiClient.Response other = admin.put(path(cluster), appointment(flaky));

        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        assertThat(members(other)).containsExactly(flaky);
        keycloak.verify(putRequestedFor(urlEqualTo(USERS + "/" + written))
                .withRequestBody(matchingJsonPath("$.attributes.secretariat_of", absent())));
        keycloak.verify(deleteRequestedFor(urlEqualTo(USERS + "/" + written + "/role-mappings/realm")));
    }

    @Test
    void theRepairJobFinishesAnInterruptedAppointment() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String flaky = unique("flaky");
        users.user(flaky, flaky, flaky + "@alliance.example", Map.of()).writesFail(flaky);
        assertProblem(api.as(allianceAdmin()).put(path(cluster), appointment(flaky)), 503,
                "identity-service-unavailable");
        users.up();

        secretariats.finishPendingChanges(Instant.now().plusSeconds(3600));

        ApiClient.Response read = api.as(allianceAdmin()).get(path(cluster));
        assertThat(members(read)).containsExactly(flaky);
        assertThat(read.at("/changeInProgress")).isEqualTo("false");
        keycloak.verify(putRequestedFor(urlEqualTo(USERS + "/" + flaky)).withRequestBody(equalToJson(
                "{\"attributes\":{\"secretariat_of\":[\"" + cluster + "\"]}}", true, true)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events.where("clusterId", cluster, SecretariatChanged.ROUTING_KEY)).hasSize(1));
        ApiClient.Response trail = api.as(secretariatOf(cluster)).get("/api/membership/clusters/" + cluster + "/audit");
        assertThat(trail.at("/content/0/action")).isEqualTo("secretariat.changed");
        assertThat(trail.at("/content/0/actorRole")).isEqualTo("alliance-admin");
        assertThat(trail.at("/content/0/reason")).isEqualTo("Appointed by the alliance council");
        assertThat(trail.at("/content/0/details/finishedBy")).isEqualTo("repair-job");
    }
}
