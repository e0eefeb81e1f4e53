package com.brandcluster.membership.enterprise;

import com.brandcluster.contracts.membership.EnterpriseUserLinked;
import com.brandcluster.contracts.membership.EnterpriseUserUnlinked;
import com.brandcluster.membership.MembershipIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.brandcluster.membership.enterprise.KeycloakStub.USERS;
import static com.brandcluster.membership.enterprise.KeycloakStub.attributes;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An enterprise's admins invite, re-role and remove colleagues; Keycloak's enterprise_id follows. */
class ColleagueApiIT extends MembershipIntegrationTest {

    @Autowired
    EnterpriseRepository enterprises;

    @Autowired
    Colleagues colleagues;

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

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String colleagues(String enterpriseId) {
        return "/api/membership/enterprises/" + enterpriseId + "/colleagues";
    }

    /** Invites a person with an account and no enterprise; returns their user id. */
    private String invite(String enterprise, String admin, String role) {
        String userId = unique("colleague");
        users.user(userId, userId, userId + "@colleague.example", Map.of());
        ApiClient.Response invited = api.as(enterpriseUser(admin, enterprise)).post(colleagues(enterprise),
                Map.of("email", userId + "@colleague.example", "role", role));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        users.user(userId, userId, userId + "@colleague.example", attributes("enterprise_id", enterprise));
        return userId;
    }

    private List<String> listed(String enterprise, String admin) {
        ApiClient.Response list = api.as(enterpriseUser(admin, enterprise)).get(colleagues(enterprise));
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().findValuesAsString("userId");
    }

    // --- inviting --------------------------------------------------------------------------------------------

    @Test
    void anAdminInvitesSomeoneWithAnAccountWhoThenActsForTheEnterprise() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        String wang = unique("wang");
        users.user(wang, "wang.li", "Wang.Li@Example.test".toLowerCase(), attributes("locale", "zh-CN"));

        ApiClient.Response invited = api.as(enterpriseUser(admin, enterprise)).post(colleagues(enterprise),
                Map.of("email", "Wang.Li@Example.test", "role", "STAFF"));

        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(invited.at("/userId")).isEqualTo(wang);
        assertThat(invited.at("/email")).isEqualTo("wang.li@example.test");
        assertThat(invited.at("/role")).isEqualTo("STAFF");
        assertThat(invited.at("/status")).isEqualTo("ACTIVE");
        assertThat(invited.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(colleagues(enterprise) + "/" + wang));
        keycloak.verify(putRequestedFor(urlEqualTo(USERS + "/" + wang)).withRequestBody(equalToJson(
                "{\"attributes\":{\"enterprise_id\":[\"" + enterprise + "\"],\"locale\":[\"zh-CN\"]}}", true, true)));
        keycloak.verify(postRequestedFor(urlEqualTo(USERS + "/" + wang + "/role-mappings/realm"))
                .withRequestBody(equalToJson("[{\"id\":\"role-enterprise\",\"name\":\"enterprise\"}]")));
        assertThat(listed(enterprise, wang)).containsExactlyInAnyOrder(admin, wang);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events.where("userId", wang, EnterpriseUserLinked.ROUTING_KEY)).hasSize(1));
        PublishedEvents.Event linked = events.where("userId", wang, EnterpriseUserLinked.ROUTING_KEY).getFirst();
        assertThat(linked.text("enterpriseId")).isEqualTo(enterprise);
        assertThat(linked.version()).isEqualTo(3);
        assertThat(linked.text("email")).isEqualTo("wang.li@example.test");
        assertThat(linked.text("locale")).isEqualTo("zh-CN");
        assertThat(linked.text("displayName")).isEqualTo("First " + wang + " Last");
        assertThat(linked.text("enterpriseRole")).isEqualTo("STAFF");
    }

    @Test
    void aPersonWithoutAnAccountGetsOneThatMustBeVerified() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        String created = unique("created");
        users.creates("newcomer@colleague.example", created);

        ApiClient.Response invited = api.as(enterpriseUser(admin, enterprise)).post(colleagues(enterprise),
                Map.of("email", "newcomer@colleague.example", "role", "ADMIN"));

        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(invited.at("/userId")).isEqualTo(created);
        keycloak.verify(postRequestedFor(urlEqualTo(USERS)).withRequestBody(equalToJson("""
                {"username":"newcomer@colleague.example","email":"newcomer@colleague.example","enabled":true,
                 "emailVerified":false,"requiredActions":["VERIFY_EMAIL","UPDATE_PASSWORD"]}""")));
        keycloak.verify(postRequestedFor(urlEqualTo(USERS + "/" + created + "/role-mappings/realm")));
        keycloak.verify(putRequestedFor(urlEqualTo(USERS + "/" + created))
                .withRequestBody(matchingJsonPath("$.attributes.enterprise_id[0]", com.github.tomakehurst.wiremock.client.WireMock.equalTo(enterprise))));
        assertThat(enterprises.findById(enterprise).orElseThrow().isAdmin(created)).isTrue();
    }

    @Test
    void someoneWhoActsForAnotherEnterpriseIsNotTakenOver() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        String taken = unique("taken");
        users.user(taken, taken, taken + "@other.example", attributes("enterprise_id", "ent-other"), "enterprise");

        ApiClient.Response refused = api.as(enterpriseUser(admin, enterprise)).post(colleagues(enterprise),
                Map.of("email", taken + "@other.example", "role", "STAFF"));

        assertProblem(refused, 409, "user-acts-for-another-enterprise");
        keycloak.verify(0, putRequestedFor(urlEqualTo(USERS + "/" + taken)));
        Enterprise stored = enterprises.findById(enterprise).orElseThrow();
        assertThat(stored.users()).extracting(Enterprise.Colleague::userId).containsExactly(admin);
        assertThat(stored.pendingLinks()).isEmpty();
    }

    @Test
    void invitationsAreForTheEnterprisesAdminsOnly() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        String staff = invite(enterprise, admin, "STAFF");
        String rival = unique("rival");
        String other = registerEnterprise(rival);
        String target = unique("target");
        users.user(target, target, target + "@colleague.example", Map.of());
        Map<String, Object> invitation = Map.of("email", target + "@colleague.example", "role", "ADMIN");

        assertProblem(api.as(enterpriseUser(staff, enterprise)).post(colleagues(enterprise), invitation), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(rival, other)).post(colleagues(enterprise), invitation), 403, "forbidden");
        assertProblem(api.as(secretariatOf("lighting")).post(colleagues(enterprise), invitation), 403, "forbidden");
        assertProblem(api.as(allianceAdmin()).post(colleagues(enterprise), invitation), 403, "forbidden");
        assertProblem(api.anonymous().post(colleagues(enterprise), invitation), 401, null);

        keycloak.verify(0, putRequestedFor(urlEqualTo(USERS + "/" + target)));
        assertThat(listed(enterprise, admin)).containsExactlyInAnyOrder(admin, staff);
    }

    @Test
    void badInvitationsAreRefusedAndChangeNothing() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        ApiClient client = api.as(enterpriseUser(admin, enterprise));

        ApiClient.Response badEmail = client.post(colleagues(enterprise), Map.of("email", "not-an-email", "role", "STAFF"));
        assertProblem(badEmail, 400, "validation");
        assertThat(badEmail.json().get("errors").findValuesAsString("field")).containsExactly("email");
        ApiClient.Response badRole = client.post(colleagues(enterprise), Map.of("email", "a@b.example", "role", "OWNER"));
        assertProblem(badRole, 400, null);
        assertThat(badRole.body()).contains("role");
        ApiClient.Response smuggled = client.post(colleagues(enterprise),
                Map.of("email", "a@b.example", "role", "STAFF", "enterpriseId", "ent-other"));
        assertProblem(smuggled, 400, "unknown-property");
        assertProblem(client.post(colleagues(enterprise), Map.of("role", "STAFF")), 400, "validation");
        assertProblem(client.post(colleagues(enterprise), Map.of("email", admin + "@example.test", "role", "STAFF")),
                409, "colleague-exists");

        keycloak.verify(0, postRequestedFor(urlEqualTo(USERS)));
        keycloak.verify(0, putRequestedFor(urlPathMatching(USERS + "/colleague-.*")));
        assertThat(listed(enterprise, admin)).containsExactly(admin);
    }

    @Test
    void colleaguesAreListedForTheEnterprisesOwnUsersOnly() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        String staff = invite(enterprise, admin, "STAFF");
        String rival = unique("rival");
        String other = registerEnterprise(rival);

        ApiClient.Response list = api.as(enterpriseUser(staff, enterprise)).get(colleagues(enterprise));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsString("role")).containsExactlyInAnyOrder("ADMIN", "STAFF");
        assertThat(list.json().findValuesAsString("status")).containsOnly("ACTIVE");
        assertThat(listed(enterprise, admin)).containsExactlyInAnyOrder(admin, staff);
        assertProblem(api.as(enterpriseUser(rival, other)).get(colleagues(enterprise)), 403, "forbidden");
        assertProblem(api.as(secretariatOf("lighting")).get(colleagues(enterprise)), 403, "forbidden");
        assertProblem(api.as(allianceAdmin()).get(colleagues(enterprise)), 403, "forbidden");
        assertProblem(api.anonymous().get(colleagues(enterprise)), 401, null);
    }

    // --- removing ------------------------------------------------------------------------------------------

    @Test
    void anAdminRemovesAColleagueWhoseLinkIsCleared() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        String staff = invite(enterprise, admin, "STAFF");

        ApiClient.Response removed = api.as(enterpriseUser(admin, enterprise)).delete(colleagues(enterprise) + "/" + staff);

        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        keycloak.verify(putRequestedFor(urlEqualTo(USERS + "/" + staff))
                .withRequestBody(matchingJsonPath("$.attributes.enterprise_id", absent())));
        assertThat(listed(enterprise, admin)).containsExactly(admin);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events.where("userId", staff, EnterpriseUserUnlinked.ROUTING_KEY)).hasSize(1));
        PublishedEvents.Event unlinked = events.where("userId", staff, EnterpriseUserUnlinked.ROUTING_KEY).getFirst();
        assertThat(unlinked.text("enterpriseId")).isEqualTo(enterprise);
        assertThat(unlinked.version()).isEqualTo(4);
        assertThat(unlinked.text("enterpriseRole")).isEqualTo("STAFF");
        assertThat(unlinked.text("email")).isEqualTo(staff + "@colleague.example");
        assertProblem(api.as(enterpriseUser(admin, enterprise)).delete(colleagues(enterprise) + "/" + staff), 404, "not-found");
    }

    @Test
    void aColleagueMayLeaveButTheLastAdminMayNot() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        String staff = invite(enterprise, admin, "STAFF");

        assertThat(api.as(enterpriseUser(staff, enterprise)).delete(colleagues(enterprise) + "/" + staff).status())
                .isEqualTo(204);
        ApiClient.Response last = api.as(enterpriseUser(admin, enterprise)).delete(colleagues(enterprise) + "/" + admin);

        assertProblem(last, 409, "last-admin");
        assertThat(listed(enterprise, admin)).containsExactly(admin);
        assertThat(enterprises.findById(enterprise).orElseThrow().pendingUnlinks()).isEmpty();
    }

    @Test
    void removalsAreForAdminsAndTheLeaverOnly() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        String staff = invite(enterprise, admin, "STAFF");
        String rival = unique("rival");
        String other = registerEnterprise(rival);
        String path = colleagues(enterprise) + "/" + admin;

        assertProblem(api.as(enterpriseUser(staff, enterprise)).delete(path), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(rival, other)).delete(path), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(rival, other)).delete(colleagues(enterprise) + "/" + rival), 403, "forbidden");
        assertProblem(api.as(secretariatOf("lighting")).delete(path), 403, "forbidden");
        assertProblem(api.as(allianceAdmin()).delete(path), 403, "forbidden");
        assertProblem(api.anonymous().delete(path), 401, null);
        assertProblem(api.as(enterpriseUser(admin, enterprise)).delete(colleagues(enterprise) + "/nobody"), 404, "not-found");
        assertThat(listed(enterprise, admin)).containsExactlyInAnyOrder(admin, staff);
    }

    @Test
    void twoAdminsRemovingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        String first = unique("admin");
        String enterprise = registerEnterprise(first);
        String second = invite(enterprise, first, "ADMIN");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> removals = List.of(
                () -> api.as(enterpriseUser(first, enterprise)).delete(colleagues(enterprise) + "/" + second).status(),
                () -> api.as(enterpriseUser(second, enterprise)).delete(colleagues(enterprise) + "/" + first).status());
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(removals)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 204).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 204).singleElement().isIn(403, 409);
        Enterprise stored = enterprises.findById(enterprise).orElseThrow();
        assertThat(stored.users()).singleElement().satisfies(c -> assertThat(c.role()).isEqualTo(Enterprise.UserRole.ADMIN));
        assertThat(stored.pendingUnlinks()).isEmpty();
    }

    // --- roles ---------------------------------------------------------------------------------------------

    @Test
    void rolesChangeWhileOneAdminRemainsAndEachChangeIsPublished() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        String staff = invite(enterprise, admin, "STAFF");
        ApiClient asAdmin = api.as(enterpriseUser(admin, enterprise));

        ApiClient.Response promoted = asAdmin.put(colleagues(enterprise) + "/" + staff, Map.of("role", "ADMIN"));
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(promoted.at("/role")).isEqualTo("ADMIN");
        ApiClient.Response demoted = api.as(enterpriseUser(staff, enterprise))
                .put(colleagues(enterprise) + "/" + admin, Map.of("role", "STAFF"));
        assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);
        assertProblem(api.as(enterpriseUser(staff, enterprise)).put(colleagues(enterprise) + "/" + staff,
                Map.of("role", "STAFF")), 409, "last-admin");
        assertProblem(asAdmin.put(colleagues(enterprise) + "/" + admin, Map.of("role", "ADMIN")), 403, "forbidden");

        Enterprise stored = enterprises.findById(enterprise).orElseThrow();
        assertThat(stored.isAdmin(staff)).isTrue();
        assertThat(stored.isAdmin(admin)).isFalse();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events.where("enterpriseId", enterprise, EnterpriseUserLinked.ROUTING_KEY)).hasSize(4));
        List<PublishedEvents.Event> linked = events.where("enterpriseId", enterprise, EnterpriseUserLinked.ROUTING_KEY);
        assertThat(linked).extracting(PublishedEvents.Event::version).containsExactly(2L, 3L, 4L, 5L);
        assertThat(linked).extracting(e -> e.text("userId") + ":" + e.text("enterpriseRole"))
                .containsExactly(admin + ":ADMIN", staff + ":STAFF", staff + ":ADMIN", admin + ":STAFF");
    }

    @Test
    void roleChangesAreForTheEnterprisesAdminsOnlyAndNeedAKnownRole() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        String staff = invite(enterprise, admin, "STAFF");
        String rival = unique("rival");
        String other = registerEnterprise(rival);
        String path = colleagues(enterprise) + "/" + staff;
        Map<String, Object> promotion = Map.of("role", "ADMIN");

        assertProblem(api.as(enterpriseUser(staff, enterprise)).put(path, promotion), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(rival, other)).put(path, promotion), 403, "forbidden");
        assertProblem(api.as(secretariatOf("lighting")).put(path, promotion), 403, "forbidden");
        assertProblem(api.anonymous().put(path, promotion), 401, null);
        assertProblem(api.as(enterpriseUser(admin, enterprise)).put(path, Map.of("role", "OWNER")), 400, null);
        assertProblem(api.as(enterpriseUser(admin, enterprise)).put(path, Map.of("role", "ADMIN", "since", "2020-01-01")),
                400, "unknown-property");
        assertProblem(api.as(enterpriseUser(admin, enterprise)).put(colleagues(enterprise) + "/nobody", promotion),
                404, "not-found");
        assertThat(enterprises.findById(enterprise).orElseThrow().isAdmin(staff)).isFalse();
    }

    // --- Keycloak outages ----------------------------------------------------------------------------------

    @Test
    void whenKeycloakIsDownAnInvitationFailsClearlyAndNothingIsStored() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        users.down();

        ApiClient.Response down = api.as(enterpriseUser(admin, enterprise)).post(colleagues(enterprise),
                Map.of("email", "someone@colleague.example", "role", "STAFF"));

        assertProblem(down, 503, "identity-service-unavailable");
        assertThat(down.body()).doesNotContain("Connection reset", "Exception");
        Enterprise stored = enterprises.findById(enterprise).orElseThrow();
        assertThat(stored.users()).extracting(Enterprise.Colleague::userId).containsExactly(admin);
        assertThat(stored.pendingLinks()).isEmpty();
        assertThat(stored.version()).isEqualTo(2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(events.where("enterpriseId", enterprise, EnterpriseUserLinked.ROUTING_KEY))
                        .extracting(e -> e.text("userId")).containsExactly(admin));
    }

    @Test
    void whenKeycloakIsDownARoleChangeFailsClearlyAndNothingChanges() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        String staff = invite(enterprise, admin, "STAFF");
        users.down();

        assertProblem(api.as(enterpriseUser(admin, enterprise)).put(colleagues(enterprise) + "/" + staff,
                Map.of("role", "ADMIN")), 503, "identity-service-unavailable");

        Enterprise stored = enterprises.findById(enterprise).orElseThrow();
        assertThat(stored.isAdmin(staff)).isFalse();
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void anInvitationInterruptedByAnOutageIsFinishedByARetry() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        String flaky = unique("flaky");
        users.user(flaky, flaky, flaky + "@colleague.example", Map.of()).writesFail(flaky);
        ApiClient client = api.as(enterpriseUser(admin, enterprise));
        Map<String, Object> invitation = Map.of("email", flaky + "@colleague.example", "role", "STAFF");

        assertProblem(client.post(colleagues(enterprise), invitation), 503, "identity-service-unavailable");
        ApiClient.Response pending = client.get(colleagues(enterprise));
        assertThat(pending.json().findValuesAsString("status")).containsExactlyInAnyOrder("ACTIVE", "INVITING");

        users.up();
        ApiClient.Response retried = client.post(colleagues(enterprise), invitation);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(client.get(colleagues(enterprise)).json().findValuesAsString("status")).containsOnly("ACTIVE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events.where("userId", flaky, EnterpriseUserLinked.ROUTING_KEY)).hasSize(1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(events.where("userId", flaky, EnterpriseUserLinked.ROUTING_KEY)).hasSize(1));
    }

    @Test
    void theRepairJobWithdrawsAnInvitationLeftPendingAndClearsItsLink() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        String orphan = unique("orphan");
        users.user(orphan, orphan, orphan + "@colleague.example", Map.of()).writesFail(orphan);
        assertProblem(api.as(enterpriseUser(admin, enterprise)).post(colleagues(enterprise),
                Map.of("email", orphan + "@colleague.example", "role", "ADMIN")), 503, "identity-service-unavailable");
        // the write did reach Keycloak although its answer was lost
        users.up().user(orphan, orphan, orphan + "@colleague.example", attributes("enterprise_id", enterprise));

        colleagues.settlePendingBefore(Instant.now().plusSeconds(3600));

        keycloak.verify(putRequestedFor(urlEqualTo(USERS + "/" + orphan))
                .withRequestBody(matchingJsonPath("$.attributes.enterprise_id", absent())));
        Enterprise stored = enterprises.findById(enterprise).orElseThrow();
        assertThat(stored.pendingLinks()).isEmpty();
        assertThat(stored.user(orphan)).isEmpty();
        assertThat(listed(enterprise, admin)).containsExactly(admin);
    }

    @Test
    void aRemovalInterruptedByAnOutageIsFinishedByTheRepairJob() {
        String admin = unique("admin");
        String enterprise = registerEnterprise(admin);
        String staff = invite(enterprise, admin, "STAFF");
        users.writesFail(staff);

        assertProblem(api.as(enterpriseUser(admin, enterprise)).delete(colleagues(enterprise) + "/" + staff), 503,
                "identity-service-unavailable");
        ApiClient.Response leaving = api.as(enterpriseUser(admin, enterprise)).get(colleagues(enterprise));
        assertThat(leaving.json().findValuesAsString("status")).containsExactlyInAnyOrder("ACTIVE", "LEAVING");
        assertProblem(api.as(enterpriseUser(staff, enterprise)).put(colleagues(enterprise) + "/" + admin,
                Map.of("role", "STAFF")), 403, "forbidden");

        users.up();
        colleagues.settlePendingBefore(Instant.now().plusSeconds(3600));

        keycloak.verify(putRequestedFor(urlEqualTo(USERS + "/" + staff))
                .withRequestBody(matchingJsonPath("$.attributes.enterprise_id", absent())));
        assertThat(listed(enterprise, admin)).containsExactly(admin);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events.where("userId", staff, EnterpriseUserUnlinked.ROUTING_KEY)).hasSize(1));
    }
}
