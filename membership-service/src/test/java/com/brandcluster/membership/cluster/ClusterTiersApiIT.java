package com.brandcluster.membership.cluster;

import com.brandcluster.contracts.membership.ClusterCreated;
import com.brandcluster.contracts.membership.ClusterTiersChanged;
import com.brandcluster.membership.MembershipIntegrationTest;
import com.brandcluster.membership.enterprise.PublishedEvents;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Founding publishes the cluster; its secretariat replaces its tiers (PUT /clusters/{id}/tiers). */
class ClusterTiersApiIT extends MembershipIntegrationTest {

    private PublishedEvents events;

    @BeforeEach
    void listen() throws Exception {
        events = new PublishedEvents();
    }

    @AfterEach
    void close() throws Exception {
        events.close();
    }

    private static Map<String, Object> tier(String code, int rank, int fee) {
        return Map.of("code", code, "name", "Tier " + code, "rank", rank, "annualFee", fee,
                "consultationHoursPerYear", rank * 4, "seatsPerEvent", rank, "assetAccessRank", rank);
    }

    private static Map<String, Object> tiers(Object... tiers) {
        return Map.of("tiers", List.of(tiers), "reason", "Plenary decision of 2026-03-01");
    }

    private static String path(String cluster) {
        return "/api/membership/clusters/" + cluster + "/tiers";
    }

    @Test
    void foundingIsPublishedWithTheTiersAndAudited() {
        String cluster = foundCluster(uniqueSlug("lighting"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events.where("clusterId", cluster, ClusterCreated.ROUTING_KEY)).hasSize(1));
        PublishedEvents.Event created = events.where("clusterId", cluster, ClusterCreated.ROUTING_KEY).getFirst();
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.text("name")).isEqualTo("China Lighting Brand Cluster");
        assertThat(created.text("status")).isEqualTo("ACTIVE");
        assertThat(created.text("memberNumberPrefix")).isEqualTo(memberNumberPrefix(cluster));
        assertThat(created.body().get("tiers").findValuesAsString("code")).containsExactly("member", "council");
        assertThat(created.body().get("tiers").get(1).get("annualFee").asInt()).isEqualTo(80000);
        assertThat(created.body().get("tiers").get(1).get("consultationHoursPerYear").asInt()).isEqualTo(20);

        ApiClient.Response trail = api.as(secretariatOf(cluster)).get("/api/membership/clusters/" + cluster + "/audit");
        assertThat(trail.at("/content/0/action")).isEqualTo("cluster.founded");
        assertThat(trail.at("/content/0/actorRole")).isEqualTo("alliance-admin");
    }

    @Test
    void theSecretariatReplacesTheTiersAndTheChangeIsPublishedAndAudited() {
        String cluster = foundCluster(uniqueSlug("lighting"));

        ApiClient.Response replaced = api.as(secretariatOf(cluster)).put(path(cluster),
                tiers(tier("director", 3, 150000), tier("member", 1, 25000), tier("council", 2, 80000)));

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().get("tiers").findValuesAsString("code")).containsExactly("member", "council", "director");
        ApiClient.Response read = api.anonymous().get("/api/membership/clusters/" + cluster);
        assertThat(read.json().get("tiers").findValuesAsString("code")).containsExactly("member", "council", "director");
        assertThat(read.at("/tiers/0/annualFee")).isEqualTo("25000");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events.where("clusterId", cluster, ClusterTiersChanged.ROUTING_KEY)).hasSize(1));
        PublishedEvents.Event changed = events.where("clusterId", cluster, ClusterTiersChanged.ROUTING_KEY).getFirst();
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.body().get("tiers").findValuesAsString("code")).containsExactly("member", "council", "director");
        assertThat(changed.body().get("tiers").get(2).get("assetAccessRank").asInt()).isEqualTo(3);

        ApiClient.Response trail = api.as(secretariatOf(cluster)).get("/api/membership/clusters/" + cluster + "/audit");
        assertThat(trail.at("/content/0/action")).isEqualTo("cluster.tiers-changed");
        assertThat(trail.at("/content/0/reason")).isEqualTo("Plenary decision of 2026-03-01");
        assertThat(trail.at("/content/0/actorRole")).isEqualTo("secretariat");
    }

    @Test
    void onlyTheClustersSecretariatEditsItsTiers() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String other = foundCluster(uniqueSlug("coal"));
        Map<String, Object> request = tiers(tier("member", 1, 1));

        assertProblem(api.as(secretariatOf(other)).put(path(cluster), request), 403, "forbidden");
        assertProblem(api.as(allianceAdmin()).put(path(cluster), request), 403, "forbidden");
        assertProblem(api.as(enterpriseUser("tier-admin", "ent-1")).put(path(cluster), request), 403, "forbidden");
        assertProblem(api.as(expert()).put(path(cluster), request), 403, "forbidden");
        assertProblem(api.anonymous().put(path(cluster), request), 401, null);
        assertProblem(api.as(secretariatOf("no-such-cluster")).put(path("no-such-cluster"), request), 404, "not-found");

        assertThat(api.anonymous().get("/api/membership/clusters/" + cluster).json().get("tiers")
                .findValuesAsString("code")).containsExactly("member", "council");
    }

    @Test
    void aTierThatAMemberHoldsCannotBeRemoved() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String enterprise = registerEnterprise("tier-holder");
        approve(cluster, apply(cluster, "tier-holder", enterprise));
        String secretariat = secretariatOf(cluster);

        ApiClient.Response refused = api.as(secretariat).put(path(cluster), tiers(tier("council", 2, 80000)));

        assertProblem(refused, 409, "tier-in-use");
        assertThat(refused.at("/detail")).contains("'member'");
        assertThat(refused.json().get("tiers").toString()).isEqualTo("[\"member\"]");
        assertThat(api.anonymous().get("/api/membership/clusters/" + cluster).json().get("tiers")
                .findValuesAsString("code")).containsExactly("member", "council");

        ApiClient.Response councilGone = api.as(secretariat).put(path(cluster), tiers(tier("member", 1, 30000)));
        assertThat(councilGone.status()).as(councilGone.toString()).isEqualTo(200);
        assertThat(councilGone.json().get("tiers").findValuesAsString("code")).containsExactly("member");
    }

    @Test
    void badTierListsAreRefusedAndChangeNothing() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        ApiClient secretariat = api.as(secretariatOf(cluster));

        assertProblem(secretariat.put(path(cluster), tiers(tier("member", 1, 1), tier("member", 2, 2))), 422, "duplicate-tier");
        assertProblem(secretariat.put(path(cluster), tiers(tier("member", 1, 1), tier("gold", 1, 2))), 422, "duplicate-tier");
        ApiClient.Response empty = secretariat.put(path(cluster), Map.of("tiers", List.of()));
        assertProblem(empty, 400, "validation");
        assertThat(empty.json().get("errors").findValuesAsString("field")).containsExactly("tiers");
        Map<String, Object> smuggled = new HashMap<>(tier("member", 1, 1));
        smuggled.put("status", "DISSOLVED");
        ApiClient.Response unknown = secretariat.put(path(cluster), tiers(smuggled));
        assertProblem(unknown, 400, "unknown-property");
        assertThat(unknown.body()).contains("status");
        assertProblem(secretariat.put(path(cluster), tiers(tier("member", 1, -5))), 400, "validation");
        assertProblem(secretariat.put(path(cluster), tiers(tier("Not A Slug", 1, 5))), 400, "validation");
        List<Object> eleven = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            eleven.add(tier("t" + i, i, i));
        }
        assertProblem(secretariat.put(path(cluster), Map.of("tiers", eleven)), 400, "validation");
        assertProblem(secretariat.put(path(cluster), Map.of("tiers", List.of(tier("member", 1, 1)), "reason",
                "x".repeat(501))), 400, "validation");
        assertProblem(secretariat.send("PUT", path(cluster), "{\"tiers\": ", "application/json"), 400, null);

        assertThat(api.anonymous().get("/api/membership/clusters/" + cluster).json().get("tiers")
                .findValuesAsString("code")).containsExactly("member", "council");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(events.where("clusterId", cluster, ClusterTiersChanged.ROUTING_KEY)).isEmpty());
    }

    @Test
    void theSameTiersAgainAreNoChange() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        @SuppressWarnings("unchecked")
        List<Object> founded = (List<Object>) clusterRequest(cluster).get("tiers");

        ApiClient.Response same = api.as(secretariatOf(cluster)).put(path(cluster), Map.of("tiers", founded));

        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(events.where("clusterId", cluster, ClusterTiersChanged.ROUTING_KEY)).isEmpty());
    }

    @Test
    void concurrentEditsAreDecidedOneAfterTheOtherAndNoneIsLost() throws Exception {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String secretariat = secretariatOf(cluster);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> edits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int fee = 1000 * (i + 1);
            edits.add(() -> api.as(secretariat).put(path(cluster), tiers(tier("member", 1, fee))).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(edits)) {
            statuses.add(f.get());
        }
        pool.shutdown();

        assertThat(statuses).isSubsetOf(200, 409).contains(200);
        long applied = statuses.stream().filter(s -> s == 200).count();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events.where("clusterId", cluster, ClusterTiersChanged.ROUTING_KEY)).hasSize((int) applied));
        List<PublishedEvents.Event> changes = events.where("clusterId", cluster, ClusterTiersChanged.ROUTING_KEY);
        assertThat(changes).extracting(PublishedEvents.Event::version).doesNotHaveDuplicates()
                .allMatch(v -> v >= 2 && v <= 1 + applied);
        PublishedEvents.Event last = changes.stream().max(Comparator.comparingLong(PublishedEvents.Event::version)).orElseThrow();
        assertThat(api.anonymous().get("/api/membership/clusters/" + cluster).at("/tiers/0/annualFee"))
                .isEqualTo(last.body().get("tiers").get(0).get("annualFee").asString());
    }
}
