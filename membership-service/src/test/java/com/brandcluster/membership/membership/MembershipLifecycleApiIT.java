package com.brandcluster.membership.membership;

import com.brandcluster.contracts.membership.MemberTierChanged;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.membership.membership.PublishedMembershipEvents.Message;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipLifecycleApiIT extends MembershipLifecycleIntegrationTest {

    private static final Map<String, Object> REASON = Map.of("reason", "Annual fee unpaid after two reminders");

    /** Every lifecycle endpoint: method, path below the member, a valid body. */
    private record Endpoint(String method, String path, Object body) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/suspension", REASON),
            new Endpoint("POST", "/reinstatement", REASON),
            new Endpoint("POST", "/termination", REASON),
            new Endpoint("POST", "/renewal", Map.of("reason", "Fee received")),
            new Endpoint("PUT", "/tier", Map.of("tier", "council", "reason", "Elected to the council")));

    private ApiClient.Response send(String token, String clusterId, Member member, Endpoint endpoint) {
        String path = memberPath(clusterId, member) + endpoint.path();
        ApiClient client = token == null ? api.anonymous() : api.as(token);
        return endpoint.method().equals("PUT") ? client.put(path, endpoint.body()) : client.post(path, endpoint.body());
    }

    @Test
    void theSecretariatSuspendsAndReinstatesAMemberAndEachChangeIsPublishedAndAudited() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "suspended");
        String secretariat = secretariatOf(cluster);

        ApiClient.Response suspended = api.as(secretariat).post(memberPath(cluster, member) + "/suspension", REASON);

        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.at("/status")).isEqualTo("SUSPENDED");
        assertThat(suspended.at("/version")).isEqualTo("2");
        assertThat(suspended.at("/history/1/kind")).isEqualTo("SUSPENDED");
        assertThat(suspended.at("/history/1/reason")).isEqualTo("Annual fee unpaid after two reminders");
        assertThat(suspended.at("/history/1/by")).startsWith("secretariat-");
        assertThat(suspended.at("/history/1/at")).isNotBlank();

        ApiClient.Response reinstated = api.as(secretariat).post(memberPath(cluster, member) + "/reinstatement",
                Map.of("reason", "Fee paid on 12 May"));

        assertThat(reinstated.status()).as(reinstated.toString()).isEqualTo(200);
        assertThat(reinstated.at("/status")).isEqualTo("ACTIVE");
        assertThat(reinstated.at("/version")).isEqualTo("3");
        assertThat(reinstated.at("/history/2/kind")).isEqualTo("REINSTATED");

        List<Message> changes = events.await(cluster, MembershipStatusChanged.ROUTING_KEY, 2);
        assertThat(changes).extracting(m -> m.text("change")).containsExactly("SUSPENDED", "REINSTATED");
        assertThat(changes).extracting(Message::version).containsExactly(2L, 3L);
        assertThat(changes).extracting(m -> m.text("status")).containsExactly("SUSPENDED", "ACTIVE");
        assertThat(changes).extracting(m -> m.text("previousStatus")).containsExactly("ACTIVE", "SUSPENDED");
        assertThat(changes.getFirst().text("reason")).isEqualTo("Annual fee unpaid after two reminders");
        assertThat(changes.getFirst().text("enterpriseId")).isEqualTo(member.enterpriseId());
        assertThat(changes.getFirst().text("memberNumber")).isEqualTo(suspended.at("/memberNumber"));
        assertThat(changes.getFirst().text("membershipId")).isEqualTo(suspended.at("/id"));
        assertThat(changes.getFirst().text("validUntil")).isEqualTo(suspended.at("/validUntil"));

        ApiClient.Response trail = api.as(secretariat).get("/api/membership/clusters/" + cluster + "/audit?size=10");
        assertThat(trail.at("/content/0/action")).isEqualTo("membership.reinstated");
        assertThat(trail.at("/content/0/reason")).isEqualTo("Fee paid on 12 May");
        assertThat(trail.at("/content/1/action")).isEqualTo("membership.suspended");
        assertThat(trail.at("/content/1/subjectId")).isEqualTo(suspended.at("/id"));
        assertThat(trail.at("/content/1/details/previousStatus")).isEqualTo("ACTIVE");
        assertThat(trail.at("/content/1/details/memberNumber")).isEqualTo(suspended.at("/memberNumber"));
    }

    @Test
    void theEnterpriseReadsItsSuspensionWithTheReason() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "reader");
        api.as(secretariatOf(cluster)).post(memberPath(cluster, member) + "/suspension", REASON);

        ApiClient.Response own = api.as(as(member)).get(memberPath(cluster, member));

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.at("/status")).isEqualTo("SUSPENDED");
        assertThat(own.at("/history/1/reason")).isEqualTo("Annual fee unpaid after two reminders");
    }

    @Test
    void aReinstatementReturnsToGraceWhenTheValidityRanOutDuringTheSuspension() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member graced = admit(cluster, "graced");
        Member lapsed = admit(cluster, "lapsed");
        String secretariat = secretariatOf(cluster);
        for (Member member : List.of(graced, lapsed)) {
            api.as(secretariat).post(memberPath(cluster, member) + "/suspension", REASON);
        }
        data.validUntil(cluster, graced.enterpriseId(), MembershipTestData.today().minusDays(10));
        data.validUntil(cluster, lapsed.enterpriseId(), MembershipTestData.today().minusDays(200));
        data.runExpiry();
        assertThat(membership(cluster, graced).at("/status")).as("a suspension does not expire").isEqualTo("SUSPENDED");

        ApiClient.Response toGrace = api.as(secretariat).post(memberPath(cluster, graced) + "/reinstatement", REASON);
        ApiClient.Response toLapsed = api.as(secretariat).post(memberPath(cluster, lapsed) + "/reinstatement", REASON);

        assertThat(toGrace.status()).as(toGrace.toString()).isEqualTo(200);
        assertThat(toGrace.at("/status")).isEqualTo("GRACE");
        assertThat(toGrace.at("/history/2/kind")).isEqualTo("REINSTATED");
        assertThat(toLapsed.at("/status")).isEqualTo("LAPSED");
        List<Message> reinstated = events.await(cluster, MembershipStatusChanged.ROUTING_KEY, 4).stream()
                .filter(m -> "REINSTATED".equals(m.text("change"))).toList();
        assertThat(reinstated).extracting(m -> m.text("status")).containsExactlyInAnyOrder("GRACE", "LAPSED");
    }

    @Test
    void aTerminationIsFinalAndTheEnterpriseCannotApplyAgain() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "expelled");
        String secretariat = secretariatOf(cluster);

        ApiClient.Response terminated = api.as(secretariat).post(memberPath(cluster, member) + "/termination",
                Map.of("reason", "Expelled by the plenary of 3 June for counterfeit products"));

        assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);
        assertThat(terminated.at("/status")).isEqualTo("TERMINATED");
        Message event = events.await(cluster, MembershipStatusChanged.ROUTING_KEY, 1).getFirst();
        assertThat(event.text("change")).isEqualTo("TERMINATED");
        assertThat(event.version()).isEqualTo(2);
        for (Endpoint endpoint : ENDPOINTS) {
            ApiClient.Response refused = send(secretariat, cluster, member, endpoint);
            assertProblem(refused, 409, "membership-transition-refused");
            assertThat(refused.at("/currentState")).as(endpoint.path()).isEqualTo("TERMINATED");
        }
        ApiClient.Response again = api.as(as(member)).post("/api/membership/clusters/" + cluster + "/applications", Map.of());
        assertProblem(again, 409, "membership-terminated");
        assertThat(again.at("/currentState")).isEqualTo("TERMINATED");
        assertThat(membership(cluster, member).at("/version")).isEqualTo("2");
        events.assertStaysAt(cluster, MembershipStatusChanged.ROUTING_KEY, 1);
    }

    @Test
    void aRenewalExtendsAnActiveMembershipByAYearFromItsEnd() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "renewing");
        String secretariat = secretariatOf(cluster);
        String path = memberPath(cluster, member) + "/renewal";

        ApiClient.Response early = api.as(secretariat).post(path, null);
        assertProblem(early, 409, "renewal-not-due");
        assertThat(early.at("/currentState")).isEqualTo("ACTIVE");

        LocalDate ending = MembershipTestData.today().plusDays(20);
        data.validUntil(cluster, member.enterpriseId(), ending);
        ApiClient.Response renewed = api.as(secretariat).post(path, Map.of("reason", "Fee 2027 received"));

        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        assertThat(renewed.at("/status")).isEqualTo("ACTIVE");
        assertThat(renewed.at("/validUntil")).isEqualTo(ending.plusYears(1).toString());
        assertThat(renewed.at("/history/1/kind")).isEqualTo("RENEWED");
        assertThat(renewed.at("/history/1/reason")).isEqualTo("Fee 2027 received");
        assertThat(renewed.at("/history/1/validUntil")).isEqualTo(ending.plusYears(1).toString());

        assertProblem(api.as(secretariat).post(path, null), 409, "renewal-not-due");
        Message event = events.await(cluster, MembershipStatusChanged.ROUTING_KEY, 1).getFirst();
        assertThat(event.text("change")).isEqualTo("RENEWED");
        assertThat(event.text("status")).isEqualTo("ACTIVE");
        assertThat(event.text("previousStatus")).isEqualTo("ACTIVE");
        assertThat(event.text("validUntil")).isEqualTo(ending.plusYears(1).toString());
        assertThat(event.version()).isEqualTo(2);
        events.assertStaysAt(cluster, MembershipStatusChanged.ROUTING_KEY, 1);
    }

    @Test
    void aRenewalBringsAGraceOrLapsedMembershipBackToActiveForAYearFromToday() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member graced = admit(cluster, "late");
        Member lapsed = admit(cluster, "very-late");
        LocalDate today = MembershipTestData.today();
        data.validUntil(cluster, graced.enterpriseId(), today.minusDays(5));
        data.validUntil(cluster, lapsed.enterpriseId(), today.minusDays(90));
        data.runExpiry();
        assertThat(membership(cluster, graced).at("/status")).isEqualTo("GRACE");
        assertThat(membership(cluster, lapsed).at("/status")).isEqualTo("LAPSED");

        ApiClient.Response fromGrace = api.as(secretariatOf(cluster)).post(memberPath(cluster, graced) + "/renewal", null);
        ApiClient.Response fromLapsed = api.as(secretariatOf(cluster)).post(memberPath(cluster, lapsed) + "/renewal",
                Map.of());

        for (ApiClient.Response renewed : List.of(fromGrace, fromLapsed)) {
            assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
            assertThat(renewed.at("/status")).isEqualTo("ACTIVE");
            assertThat(renewed.at("/validUntil")).isEqualTo(today.plusYears(1).minusDays(1).toString());
        }
        assertThat(fromGrace.at("/version")).isEqualTo("3");
        assertThat(fromLapsed.at("/version")).isEqualTo("4");
        List<Message> renewals = events.await(cluster, MembershipStatusChanged.ROUTING_KEY, 5).stream()
                .filter(m -> "RENEWED".equals(m.text("change"))).toList();
        assertThat(renewals).extracting(m -> m.text("previousStatus")).containsExactlyInAnyOrder("GRACE", "LAPSED");
        assertThat(renewals).extracting(Message::version).containsExactlyInAnyOrder(3L, 4L);
    }

    @Test
    void aSuspendedMembershipCannotBeRenewed() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "suspended-renewal");
        String secretariat = secretariatOf(cluster);
        api.as(secretariat).post(memberPath(cluster, member) + "/suspension", REASON);
        data.validUntil(cluster, member.enterpriseId(), MembershipTestData.today().plusDays(10));

        ApiClient.Response refused = api.as(secretariat).post(memberPath(cluster, member) + "/renewal", null);

        assertProblem(refused, 409, "membership-transition-refused");
        assertThat(refused.at("/currentState")).isEqualTo("SUSPENDED");
        assertThat(membership(cluster, member).at("/validUntil"))
                .isEqualTo(MembershipTestData.today().plusDays(10).toString());
    }

    @Test
    void illegalTransitionsAre409sNamingTheCurrentState() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "illegal");
        String secretariat = secretariatOf(cluster);

        ApiClient.Response reinstate = api.as(secretariat).post(memberPath(cluster, member) + "/reinstatement", REASON);
        assertProblem(reinstate, 409, "membership-transition-refused");
        assertThat(reinstate.at("/currentState")).isEqualTo("ACTIVE");

        api.as(secretariat).post(memberPath(cluster, member) + "/suspension", REASON);
        ApiClient.Response suspendAgain = api.as(secretariat).post(memberPath(cluster, member) + "/suspension", REASON);
        assertProblem(suspendAgain, 409, "membership-transition-refused");
        assertThat(suspendAgain.at("/currentState")).isEqualTo("SUSPENDED");
        assertThat(suspendAgain.at("/detail")).contains("SUSPENDED");
        assertThat(membership(cluster, member).at("/version")).isEqualTo("2");
    }

    @Test
    void theTierChangesToAnotherTierOfTheClusterOnceAndIsPublished() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "promoted");
        String path = memberPath(cluster, member) + "/tier";
        String secretariat = secretariatOf(cluster);

        ApiClient.Response changed = api.as(secretariat).put(path, Map.of("tier", "council", "reason", "Elected"));
        ApiClient.Response repeated = api.as(secretariat).put(path, Map.of("tier", "council"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.at("/tier")).isEqualTo("council");
        assertThat(changed.at("/status")).isEqualTo("ACTIVE");
        assertThat(changed.at("/version")).isEqualTo("2");
        assertThat(changed.at("/history/1/kind")).isEqualTo("TIER_CHANGED");
        assertThat(changed.at("/history/1/tier")).isEqualTo("council");
        assertThat(changed.at("/history/1/reason")).isEqualTo("Elected");
        assertThat(repeated.status()).as("PUT is idempotent").isEqualTo(200);
        assertThat(repeated.at("/version")).isEqualTo("2");

        Message event = events.await(cluster, MemberTierChanged.ROUTING_KEY, 1).getFirst();
        assertThat(event.text("tier")).isEqualTo("council");
        assertThat(event.text("previousTier")).isEqualTo("member");
        assertThat(event.text("reason")).isEqualTo("Elected");
        assertThat(event.text("enterpriseId")).isEqualTo(member.enterpriseId());
        assertThat(event.version()).isEqualTo(2);
        events.assertStaysAt(cluster, MemberTierChanged.ROUTING_KEY, 1);
        assertThat(api.as(secretariat).get("/api/membership/clusters/" + cluster + "/audit").at("/content/0/action"))
                .isEqualTo("membership.tier-changed");
    }

    @Test
    void anUnknownOrMalformedTierChangesNothing() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "tierless");
        String path = memberPath(cluster, member) + "/tier";
        ApiClient secretariat = api.as(secretariatOf(cluster));

        ApiClient.Response unknown = secretariat.put(path, Map.of("tier", "platinum"));
        assertProblem(unknown, 422, "unknown-tier");
        assertThat(unknown.at("/detail")).contains("platinum");
        ApiClient.Response malformed = secretariat.put(path, Map.of("tier", "Gold Plus!"));
        assertProblem(malformed, 400, null);
        assertThat(malformed.json().get("errors").findValuesAsString("field")).containsExactly("tier");
        assertProblem(secretariat.put(path, Map.of("reason", "no tier")), 400, null);
        assertProblem(secretariat.put(path, Map.of("tier", "council", "reason", "x".repeat(2001))), 400, null);
        assertProblem(secretariat.put(path, null), 400, null);

        ApiClient.Response unchanged = membership(cluster, member);
        assertThat(unchanged.at("/tier")).isEqualTo("member");
        assertThat(unchanged.at("/version")).isEqualTo("1");
    }

    @Test
    void aReasonIsRequiredBoundedAndTheOnlyFieldAccepted() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "unreasoned");
        ApiClient secretariat = api.as(secretariatOf(cluster));

        for (String action : List.of("/suspension", "/reinstatement", "/termination")) {
            String path = memberPath(cluster, member) + action;
            ApiClient.Response missing = secretariat.post(path, Map.of());
            assertProblem(missing, 400, null);
            assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactly("reason");
            assertProblem(secretariat.post(path, Map.of("reason", "   ")), 400, null);
            ApiClient.Response oversized = secretariat.post(path, Map.of("reason", "x".repeat(2001)));
            assertProblem(oversized, 400, null);
            assertThat(oversized.json().get("errors").findValuesAsString("field")).containsExactly("reason");
            assertProblem(secretariat.post(path, Map.of("reason", "ok", "status", "ACTIVE")), 400, null);
            assertProblem(secretariat.post(path, null), 400, null);
        }
        String renewal = memberPath(cluster, member) + "/renewal";
        assertProblem(secretariat.post(renewal, Map.of("reason", "x".repeat(2001))), 400, null);
        assertProblem(secretariat.post(renewal, Map.of("validUntil", "2099-12-31")), 400, null);
        assertProblem(secretariat.post(renewal, Map.of("memberNumber", "X-2026-0001")), 400, null);

        ApiClient.Response unchanged = membership(cluster, member);
        assertThat(unchanged.at("/status")).isEqualTo("ACTIVE");
        assertThat(unchanged.at("/version")).isEqualTo("1");
        events.assertStaysAt(cluster, MembershipStatusChanged.ROUTING_KEY, 0);
    }

    @Test
    void onlyTheSecretariatOfTheMembersClusterChangesAMembership() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String otherCluster = foundCluster(uniqueSlug("coking"));
        Member member = admit(cluster, "guarded");
        Member other = admit(otherCluster, "neighbour");

        for (Endpoint endpoint : ENDPOINTS) {
            for (String token : List.of(secretariatOf(otherCluster), as(member), as(other), expert(), allianceAdmin(),
                    enterpriseUser("no-enterprise-" + endpoint.path().substring(1), null))) {
                assertProblem(send(token, cluster, member, endpoint), 403, "forbidden");
            }
            assertProblem(send(null, cluster, member, endpoint), 401, null);
        }

        ApiClient.Response unchanged = membership(cluster, member);
        assertThat(unchanged.at("/status")).isEqualTo("ACTIVE");
        assertThat(unchanged.at("/tier")).isEqualTo("member");
        assertThat(unchanged.at("/version")).isEqualTo("1");
        assertThat(api.as(secretariatOf(cluster)).get("/api/membership/clusters/" + cluster + "/audit").json()
                .get("content").findValuesAsString("action"))
                .as("only the founding and the approval").containsExactly("application.approved", "cluster.founded");
        events.assertStaysAt(cluster, MembershipStatusChanged.ROUTING_KEY, 0);
    }

    @Test
    void theSecretariatOfTheClusterIsAllowedEveryChange() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "allowed");
        String secretariat = secretariatOf(cluster);
        data.validUntil(cluster, member.enterpriseId(), MembershipTestData.today().plusDays(30));

        List<String> statuses = new ArrayList<>();
        for (String endpoint : List.of("/renewal", "/tier", "/suspension", "/reinstatement", "/termination")) {
            Endpoint call = ENDPOINTS.stream().filter(e -> e.path().equals(endpoint)).findFirst().orElseThrow();
            ApiClient.Response response = send(secretariat, cluster, member, call);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            statuses.add(response.at("/status"));
        }

        assertThat(statuses).containsExactly("ACTIVE", "ACTIVE", "SUSPENDED", "ACTIVE", "TERMINATED");
        JsonNode history = membership(cluster, member).json().get("history");
        assertThat(history.findValuesAsString("kind"))
                .containsExactly("ADMITTED", "RENEWED", "TIER_CHANGED", "SUSPENDED", "REINSTATED", "TERMINATED");
        assertThat(events.await(cluster, MembershipStatusChanged.ROUTING_KEY, 4))
                .extracting(Message::version).containsExactly(2L, 4L, 5L, 6L);
        assertThat(events.await(cluster, MemberTierChanged.ROUTING_KEY, 1)).extracting(Message::version)
                .containsExactly(3L);
    }

    @Test
    void anUnknownMemberIsA404ForTheSecretariat() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member outsider = outsider("not-a-member");
        String secretariat = secretariatOf(cluster);

        for (Endpoint endpoint : ENDPOINTS) {
            assertProblem(send(secretariat, cluster, outsider, endpoint), 404, "not-found");
            assertProblem(send(secretariatOf("no-such-cluster"), "no-such-cluster", outsider, endpoint), 404,
                    "not-found");
        }
    }

    @Test
    void twoSuspensionsAtOnceSuspendOnceAndPublishOneEvent() throws Exception {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "raced");
        String path = memberPath(cluster, member) + "/suspension";
        String first = secretariatOf(cluster);
        String second = secretariatOf(cluster);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<ApiClient.Response>> suspensions = new ArrayList<>();
        for (String token : List.of(first, second)) {
            suspensions.add(() -> {
                start.await();
                return api.as(token).post(path, REASON);
            });
        }
        List<Future<ApiClient.Response>> futures = new ArrayList<>();
        for (Callable<ApiClient.Response> suspension : suspensions) {
            futures.add(pool.submit(suspension));
        }
        start.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (Future<ApiClient.Response> future : futures) {
            responses.add(future.get());
        }
        pool.shutdown();

        assertThat(responses).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(200, 409);
        ApiClient.Response refused = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertProblem(refused, 409, "membership-transition-refused");
        assertThat(refused.at("/currentState")).isEqualTo("SUSPENDED");
        JsonNode history = membership(cluster, member).json().get("history");
        assertThat(history.findValuesAsString("kind")).containsExactly("ADMITTED", "SUSPENDED");
        assertThat(events.await(cluster, MembershipStatusChanged.ROUTING_KEY, 1).getFirst().version()).isEqualTo(2);
        events.assertStaysAt(cluster, MembershipStatusChanged.ROUTING_KEY, 1);
    }
}
