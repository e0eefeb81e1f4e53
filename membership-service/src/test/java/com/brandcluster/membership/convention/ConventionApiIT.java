package com.brandcluster.membership.convention;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Drafting, editing, reading and opening ballots on conventions, and who may do it. */
class ConventionApiIT extends ConventionIntegrationTest {

    @Autowired
    private MongoOperations mongo;

    @Test
    void theSecretariatDraftsVersionsNumberedOneTwoThree() {
        String cluster = foundCluster(uniqueSlug("lighting"));

        ApiClient.Response first = api.as(secretariatOf(cluster))
                .post("/api/membership/clusters/" + cluster + "/conventions", text("Convention of the cluster"));
        String second = draft(cluster, "Convention (2026 revision)");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/membership/conventions/" + first.at("/id")));
        assertThat(first.at("/status")).isEqualTo("DRAFT");
        assertThat(first.at("/conventionVersion")).isEqualTo("1");
        assertThat(first.at("/version")).isEqualTo("1");
        assertThat(first.at("/changeSummary")).isEqualTo("Article 2 rewritten");
        assertThat(first.at("/ballot")).isNull();
        ApiClient.Response list = api.as(secretariatOf(cluster)).get("/api/membership/clusters/" + cluster + "/conventions");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsString("id")).containsExactly(second, first.at("/id"));
        assertThat(list.json().findValuesAsString("conventionVersion")).containsExactly("2", "1");
        assertThat(list.json().findValue("body")).isNull();
    }

    @Test
    void concurrentDraftsNeverShareANumber() throws Exception {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String secretariat = secretariatOf(cluster);
        int drafts = 6;

        ExecutorService pool = Executors.newFixedThreadPool(drafts);
        List<Callable<ApiClient.Response>> requests = new ArrayList<>();
        for (int i = 0; i < drafts; i++) {
            String title = "Draft " + i;
            requests.add(() -> api.as(secretariat).post("/api/membership/clusters/" + cluster + "/conventions", text(title)));
        }
        List<String> numbers = new ArrayList<>();
        for (Future<ApiClient.Response> response : pool.invokeAll(requests)) {
            assertThat(response.get().status()).as(response.get().toString()).isEqualTo(201);
            numbers.add(response.get().at("/conventionVersion"));
        }
        pool.shutdown();

        assertThat(numbers).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6");
    }

    @Test
    void theSecretariatEditsADraftAndTheAuditTrailShowsWho() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String convention = draft(cluster, "Convention");

        ApiClient.Response edited = api.as(secretariatOf(cluster)).put("/api/membership/conventions/" + convention,
                Map.of("title", "Convention (revised)", "body", "Article 1 only"));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.at("/title")).isEqualTo("Convention (revised)");
        assertThat(edited.at("/body")).isEqualTo("Article 1 only");
        assertThat(edited.at("/changeSummary")).isNull();
        assertThat(edited.at("/version")).isEqualTo("2");
        ApiClient.Response trail = api.as(secretariatOf(cluster)).get("/api/membership/clusters/" + cluster + "/audit");
        assertThat(trail.json().get("content").findValuesAsString("action"))
                .containsExactly("convention.edited", "convention.drafted", "cluster.founded");
        assertThat(trail.at("/content/0/subjectId")).isEqualTo(convention);
        assertThat(trail.at("/content/0/actorRole")).isEqualTo("secretariat");
    }

    @Test
    void draftingIsForTheClustersSecretariatOnly() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "drafting-member");
        String path = "/api/membership/clusters/" + cluster + "/conventions";

        assertProblem(api.as(secretariatOf("coking-coal")).post(path, text("x")), 403, "forbidden");
        assertProblem(api.as(member.token()).post(path, text("x")), 403, "forbidden");
        assertProblem(api.as(expert()).post(path, text("x")), 403, "forbidden");
        assertProblem(api.as(allianceAdmin()).post(path, text("x")), 403, "forbidden");
        assertProblem(api.anonymous().post(path, text("x")), 401, null);
        assertProblem(api.as(secretariatOf("no-such-cluster")).post("/api/membership/clusters/no-such-cluster/conventions",
                text("x")), 404, "not-found");

        assertThat(api.as(secretariatOf(cluster)).get(path).json().size()).isZero();
    }

    @Test
    void badDraftsAreRefusedAndChangeNothing() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String path = "/api/membership/clusters/" + cluster + "/conventions";
        ApiClient secretariat = api.as(secretariatOf(cluster));
        Map<String, Object> withStatus = new HashMap<>(text("Convention"));
        withStatus.put("status", "ADOPTED");

        ApiClient.Response unknown = secretariat.post(path, withStatus);
        assertProblem(unknown, 400, "unknown-property");
        assertThat(unknown.at("/errors/0/field")).isEqualTo("status");
        ApiClient.Response oversized = secretariat.post(path, Map.of("title", "Convention",
                "body", "字".repeat(Convention.MAX_BODY + 1)));
        assertProblem(oversized, 400, "validation");
        assertThat(oversized.json().get("errors").findValuesAsString("field")).containsExactly("body");
        assertProblem(secretariat.post(path, Map.of("title", " ", "body", "text")), 400, "validation");
        assertProblem(secretariat.post(path, Map.of("title", "t".repeat(201), "body", "text")), 400, "validation");
        assertProblem(secretariat.post(path, "{not json"), 400, "malformed-body");

        assertThat(secretariat.get(path).json().size()).isZero();

        String convention = draft(cluster, "Convention");
        Map<String, Object> withNumber = new HashMap<>(text("Convention"));
        withNumber.put("conventionVersion", 7);
        assertProblem(secretariat.put("/api/membership/conventions/" + convention, withNumber), 400, "unknown-property");
        assertProblem(secretariat.put("/api/membership/conventions/" + convention,
                Map.of("title", "Convention", "body", "")), 400, "validation");
        ApiClient.Response unchanged = secretariat.get("/api/membership/conventions/" + convention);
        assertThat(unchanged.at("/conventionVersion")).isEqualTo("1");
        assertThat(unchanged.at("/version")).isEqualTo("1");
        assertThat(unchanged.at("/changeSummary")).isEqualTo("Article 2 rewritten");
    }

    @Test
    void editingIsForTheClustersSecretariatAndOnlyWhileADraft() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "editing-member");
        String convention = draft(cluster, "Convention");
        String path = "/api/membership/conventions/" + convention;
        Map<String, Object> change = Map.of("title", "Hijacked", "body", "Nothing");

        assertProblem(api.as(secretariatOf("coking-coal")).put(path, change), 403, "forbidden");
        assertProblem(api.as(member.token()).put(path, change), 403, "forbidden");
        assertProblem(api.as(expert()).put(path, change), 403, "forbidden");
        assertProblem(api.anonymous().put(path, change), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).put("/api/membership/conventions/000000000000000000000000", change),
                404, "not-found");
        assertThat(api.as(secretariatOf(cluster)).get(path).at("/title")).isEqualTo("Convention");

        openBallot(convention, cluster, Instant.now().plus(Duration.ofDays(7)), 50);
        ApiClient.Response late = api.as(secretariatOf(cluster)).put(path, change);
        assertProblem(late, 409, "convention-not-draft");
        assertThat(late.at("/currentState")).isEqualTo("BALLOT");
        assertThat(api.as(secretariatOf(cluster)).get(path).at("/title")).isEqualTo("Convention");
    }

    @Test
    void draftsAndBallotsAreReadByTheClustersMembersAndSecretariatOnly() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "reading-member");
        Member otherMember = admit(foundCluster(uniqueSlug("coal")), "reading-other");
        Member outsider = outsider("reading-outsider");
        String convention = draft(cluster, "Convention");
        String one = "/api/membership/conventions/" + convention;
        String list = "/api/membership/clusters/" + cluster + "/conventions";

        for (String path : List.of(one, list)) {
            assertThat(api.as(secretariatOf(cluster)).get(path).status()).isEqualTo(200);
            assertThat(api.as(member.token()).get(path).status()).isEqualTo(200);
            assertProblem(api.as(secretariatOf("coking-coal")).get(path), 403, "forbidden");
            assertProblem(api.as(otherMember.token()).get(path), 403, "forbidden");
            assertProblem(api.as(outsider.token()).get(path), 403, "forbidden");
            assertProblem(api.as(expert()).get(path), 403, "forbidden");
            assertProblem(api.anonymous().get(path), 401, null);
        }
        assertThat(api.as(member.token()).get(one).at("/body")).startsWith("Article 1.");

        openBallot(convention, cluster, Instant.now().plus(Duration.ofDays(7)), 50);
        ApiClient.Response ballot = api.as(member.token()).get(one);
        assertThat(ballot.at("/status")).isEqualTo("BALLOT");
        assertThat(ballot.at("/ballot/quorumPercent")).isEqualTo("50");
        assertThat(ballot.at("/ballot/electorate")).isEqualTo("1");
        assertThat(ballot.json().findValue("votesFor")).isNull();
        assertProblem(api.as(otherMember.token()).get(one), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster)).get("/api/membership/conventions/000000000000000000000000"), 404,
                "not-found");
    }

    @Test
    void theSecretariatOpensABallotForTheEnterprisesActiveAtThatMoment() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        admit(cluster, "ballot-a");
        admit(cluster, "ballot-b");
        String convention = draft(cluster, "Convention");
        Instant closesAt = Instant.now().plus(Duration.ofDays(14));

        ApiClient.Response opened = openBallot(convention, cluster, closesAt, 60);

        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.at("/status")).isEqualTo("BALLOT");
        assertThat(Instant.parse(opened.at("/ballot/closesAt"))).isEqualTo(closesAt.truncatedTo(ChronoUnit.MILLIS));
        assertThat(opened.at("/ballot/electorate")).isEqualTo("2");
        assertThat(opened.at("/version")).isEqualTo("2");
        ApiClient.Response trail = api.as(secretariatOf(cluster)).get("/api/membership/clusters/" + cluster + "/audit");
        assertThat(trail.at("/content/0/action")).isEqualTo("convention.ballot-opened");
        assertThat(trail.at("/content/0/details/electorate")).isEqualTo("2");
        assertThat(trail.at("/content/0/details/quorumPercent")).isEqualTo("60");
        admit(cluster, "ballot-late");
        assertThat(api.as(secretariatOf(cluster)).get("/api/membership/conventions/" + convention)
                .at("/ballot/electorate")).isEqualTo("2");

        ApiClient.Response again = openBallot(convention, cluster, closesAt, 60);
        assertProblem(again, 409, "convention-not-draft");
        assertThat(again.at("/currentState")).isEqualTo("BALLOT");
    }

    @Test
    void openingABallotIsForTheClustersSecretariatOnly() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "opening-member");
        String convention = draft(cluster, "Convention");
        String path = "/api/membership/conventions/" + convention + "/ballot";
        Map<String, Object> request = Map.of("closesAt", Instant.now().plus(Duration.ofDays(7)).toString(), "quorumPercent", 50);

        assertProblem(api.as(secretariatOf("coking-coal")).post(path, request), 403, "forbidden");
        assertProblem(api.as(member.token()).post(path, request), 403, "forbidden");
        assertProblem(api.as(expert()).post(path, request), 403, "forbidden");
        assertProblem(api.anonymous().post(path, request), 401, null);

        assertThat(api.as(member.token()).get("/api/membership/conventions/" + convention).at("/status")).isEqualTo("DRAFT");
    }

    @Test
    void badBallotsAreRefusedAndLeaveTheDraft() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String empty = draft(cluster, "Nobody to vote");
        Instant nextWeek = Instant.now().plus(Duration.ofDays(7));
        assertProblem(openBallot(empty, cluster, nextWeek, 50), 422, "empty-electorate");
        admit(cluster, "bad-ballot-member");
        String convention = draft(cluster, "Convention");
        String path = "/api/membership/conventions/" + convention + "/ballot";
        ApiClient secretariat = api.as(secretariatOf(cluster));

        assertProblem(openBallot(convention, cluster, Instant.now().minusSeconds(60), 50), 422, "closing-time-passed");
        assertProblem(openBallot(convention, cluster, Instant.now().plus(Duration.ofDays(400)), 50), 422, "ballot-too-long");
        assertProblem(openBallot(convention, cluster, nextWeek, 0), 400, "validation");
        assertProblem(openBallot(convention, cluster, nextWeek, 101), 400, "validation");
        assertProblem(secretariat.post(path, Map.of("closesAt", "next tuesday", "quorumPercent", 50)), 400, "validation");
        assertProblem(secretariat.post(path, Map.of("quorumPercent", 50)), 400, "validation");
        assertProblem(secretariat.post(path, Map.of("closesAt", nextWeek.toString(), "quorumPercent", 50,
                "electorate", List.of("ent-stuffed"))), 400, "unknown-property");

        ApiClient.Response still = secretariat.get("/api/membership/conventions/" + convention);
        assertThat(still.at("/status")).isEqualTo("DRAFT");
        assertThat(still.at("/version")).isEqualTo("1");
        assertThat(openBallot(convention, cluster, nextWeek, 50).status()).isEqualTo(200);
    }

    @Test
    void oneBallotIsOpenPerClusterAtATimeEvenWhenOpenedAtOnce() throws Exception {
        String cluster = foundCluster(uniqueSlug("lighting"));
        admit(cluster, "one-ballot-member");
        List<String> drafts = List.of(draft(cluster, "A"), draft(cluster, "B"), draft(cluster, "C"));
        Instant closesAt = Instant.now().plus(Duration.ofDays(7));

        ExecutorService pool = Executors.newFixedThreadPool(drafts.size());
        List<Callable<ApiClient.Response>> requests = new ArrayList<>();
        for (String convention : drafts) {
            requests.add(() -> openBallot(convention, cluster, closesAt, 50));
        }
        List<ApiClient.Response> responses = new ArrayList<>();
        for (Future<ApiClient.Response> response : pool.invokeAll(requests)) {
            responses.add(response.get());
        }
        pool.shutdown();

        assertThat(responses).extracting(ApiClient.Response::status).containsOnly(200, 409);
        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        String open = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().at("/id");
        for (ApiClient.Response refused : responses.stream().filter(r -> r.status() == 409).toList()) {
            assertProblem(refused, 409, "ballot-open-in-cluster");
            assertThat(refused.at("/openConventionId")).isEqualTo(open);
        }
        assertThat(api.as(secretariatOf(cluster)).get("/api/membership/clusters/" + cluster + "/conventions")
                .json().findValuesAsString("status")).containsOnlyOnce("BALLOT");
    }

    @Test
    void theSameDraftOpenedTwiceAtOnceOpensOnce() throws Exception {
        String cluster = foundCluster(uniqueSlug("lighting"));
        admit(cluster, "twice-member");
        String convention = draft(cluster, "Convention");
        Instant closesAt = Instant.now().plus(Duration.ofDays(7));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(() -> openBallot(convention, cluster, closesAt, 50).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(requests)) {
            statuses.add(status.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        ApiClient.Response opened = api.as(secretariatOf(cluster)).get("/api/membership/conventions/" + convention);
        assertThat(opened.at("/status")).isEqualTo("BALLOT");
        assertThat(opened.at("/version")).isEqualTo("2");
    }

    @Test
    void aClaimLeftByAnOpeningThatDiedHalfWayDoesNotBlockTheClusterForEver() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        admit(cluster, "stale-member");
        String crashed = draft(cluster, "Opening crashed");
        String next = draft(cluster, "Next");
        Instant nextWeek = Instant.now().plus(Duration.ofDays(7));
        // An opening in progress right now holds the cluster:
        mongo.insert(new OpenBallotClaim(cluster, crashed, Instant.now()));
        ApiClient.Response blocked = openBallot(next, cluster, nextWeek, 50);
        assertProblem(blocked, 409, "ballot-open-in-cluster");
        assertThat(blocked.at("/openConventionId")).isEqualTo(crashed);

        // The same claim, left long ago by an opening whose convention never reached BALLOT, is taken over:
        mongo.save(new OpenBallotClaim(cluster, crashed, Instant.now().minus(Duration.ofMinutes(5))));
        ApiClient.Response opened = openBallot(next, cluster, nextWeek, 50);

        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(mongo.findById(cluster, OpenBallotClaim.class).conventionId()).isEqualTo(next);
        assertProblem(openBallot(crashed, cluster, nextWeek, 50), 409, "ballot-open-in-cluster");
    }
}
