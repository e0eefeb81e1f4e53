package com.brandcluster.membership.convention;

import com.brandcluster.contracts.membership.ConventionAdopted;
import com.brandcluster.contracts.membership.ConventionBallotOpened;
import com.brandcluster.contracts.membership.ConventionRejected;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Votes, tallies, supersession and acceptance of conventions, with the events they publish. */
class BallotApiIT extends ConventionIntegrationTest {

    @Autowired
    private MongoOperations mongo;

    @Autowired
    private Ballots ballots;

    @Test
    void membersVoteChangeTheirVotesAndTheTallyAdoptsThePublishedConvention() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member opal = admit(cluster, "opal");
        Member foshan = admit(cluster, "foshan");
        Member nvc = admit(cluster, "nvc");
        admit(cluster, "silent");
        String convention = draft(cluster, "Convention of the cluster");
        Instant closesAt = openShortBallot(convention, cluster, 75);

        castVote(opal, convention, "AGAINST");
        castVote(foshan, convention, "FOR");
        castVote(nvc, convention, "ABSTAIN");
        castVote(opal, convention, "FOR");
        ApiClient.Response mine = api.as(opal.token()).get("/api/membership/conventions/" + convention + "/votes/mine");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.at("/choice")).isEqualTo("FOR");
        assertThat(mine.at("/enterpriseId")).isEqualTo(opal.enterpriseId());
        assertProblem(tally(convention, cluster), 409, "ballot-still-open");

        passClosingTime(closesAt);
        ApiClient.Response late = vote(opal, convention, "AGAINST");
        assertProblem(late, 409, "ballot-closed");
        assertThat(late.at("/currentState")).isEqualTo("BALLOT");
        ApiClient.Response tallied = tally(convention, cluster);

        assertThat(tallied.status()).as(tallied.toString()).isEqualTo(200);
        assertThat(tallied.at("/status")).isEqualTo("ADOPTED");
        assertThat(tallied.at("/result/outcome")).isEqualTo("ADOPTED");
        assertThat(tallied.at("/result/electorate")).isEqualTo("4");
        assertThat(tallied.at("/result/votesFor")).isEqualTo("2");
        assertThat(tallied.at("/result/votesAgainst")).isEqualTo("0");
        assertThat(tallied.at("/result/abstentions")).isEqualTo("1");
        assertThat(tallied.at("/result/quorumReached")).isEqualTo("true");
        assertThat(tallied.at("/version")).isEqualTo("3");
        ApiClient.Response again = tally(convention, cluster);
        assertProblem(again, 409, "ballot-not-open");
        assertThat(again.at("/currentState")).isEqualTo("ADOPTED");
        ApiClient.Response afterTally = vote(foshan, convention, "AGAINST");
        assertProblem(afterTally, 409, "ballot-not-open");
        assertThat(afterTally.at("/currentState")).isEqualTo("ADOPTED");
        assertThat(api.as(opal.token()).get("/api/membership/conventions/" + convention + "/votes/mine").at("/choice"))
                .isEqualTo("FOR");

        ApiClient.Response current = api.anonymous().get("/api/membership/clusters/" + cluster + "/conventions/current");
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        assertThat(current.at("/id")).isEqualTo(convention);
        assertThat(current.at("/body")).startsWith("Article 1.");
        assertThat(current.at("/ballot/electorate")).isEqualTo("4");

        List<Message> events = awaitEvents(cluster, ConventionBallotOpened.ROUTING_KEY,
                ConventionAdopted.ROUTING_KEY);
        Message opened = only(events, ConventionBallotOpened.ROUTING_KEY);
        assertThat(opened.body().get("conventionId").asString()).isEqualTo(convention);
        assertThat(opened.body().get("version").asLong()).isEqualTo(2);
        assertThat(opened.body().get("conventionVersion").asInt()).isEqualTo(1);
        assertThat(opened.body().get("quorumPercent").asInt()).isEqualTo(75);
        assertThat(Instant.parse(opened.body().get("closesAt").asString())).isEqualTo(closesAt);
        List<String> electorate = new ArrayList<>();
        opened.body().get("electorate").forEach(id -> electorate.add(id.asString()));
        assertThat(electorate).hasSize(4).contains(opal.enterpriseId(), foshan.enterpriseId(), nvc.enterpriseId());
        Message adopted = only(events, ConventionAdopted.ROUTING_KEY);
        assertThat(adopted.body().get("version").asLong()).isEqualTo(3);
        assertThat(adopted.body().get("title").asString()).isEqualTo("Convention of the cluster");
        assertThat(adopted.body().path("supersedesConventionId").isNull()
                || adopted.body().path("supersedesConventionId").isMissingNode()).isTrue();
        assertThat(adopted.body().get("tally").get("votesFor").asInt()).isEqualTo(2);
        assertThat(adopted.body().get("tally").get("abstentions").asInt()).isEqualTo(1);
        assertThat(adopted.body().get("tally").get("electorate").asInt()).isEqualTo(4);
        assertThat(adopted.body().toString()).doesNotContain(opal.enterpriseId());
        ApiClient.Response trail = api.as(secretariatOf(cluster)).get("/api/membership/clusters/" + cluster + "/audit");
        assertThat(trail.at("/content/0/action")).isEqualTo("convention.tallied");
        assertThat(trail.at("/content/0/details/outcome")).isEqualTo("ADOPTED");
    }

    @Test
    void aBallotIsRejectedWithoutQuorumOrWithAMajorityAgainst() {
        String quorate = foundCluster(uniqueSlug("lighting"));
        Member a = admit(quorate, "against-a");
        Member b = admit(quorate, "against-b");
        Member c = admit(quorate, "against-c");
        String divided = draft(quorate, "Divided convention");
        String thin = foundCluster(uniqueSlug("coal"));
        Member voter = admit(thin, "thin-voter");
        admit(thin, "thin-absent-1");
        admit(thin, "thin-absent-2");
        String unloved = draft(thin, "Unloved convention");

        Instant dividedCloses = openShortBallot(divided, quorate, 50);
        Instant unlovedCloses = openShortBallot(unloved, thin, 50);
        castVote(a, divided, "FOR");
        castVote(b, divided, "AGAINST");
        castVote(c, divided, "AGAINST");
        castVote(voter, unloved, "FOR");
        passClosingTime(dividedCloses.isAfter(unlovedCloses) ? dividedCloses : unlovedCloses);

        ApiClient.Response majorityAgainst = tally(divided, quorate);
        assertThat(majorityAgainst.status()).as(majorityAgainst.toString()).isEqualTo(200);
        assertThat(majorityAgainst.at("/status")).isEqualTo("REJECTED");
        assertThat(majorityAgainst.at("/result/outcome")).isEqualTo("MAJORITY_AGAINST");
        assertThat(majorityAgainst.at("/result/quorumReached")).isEqualTo("true");
        assertThat(majorityAgainst.at("/result/votesAgainst")).isEqualTo("2");
        ApiClient.Response noQuorum = tally(unloved, thin);
        assertThat(noQuorum.status()).as(noQuorum.toString()).isEqualTo(200);
        assertThat(noQuorum.at("/status")).isEqualTo("REJECTED");
        assertThat(noQuorum.at("/result/outcome")).isEqualTo("QUORUM_NOT_REACHED");
        assertThat(noQuorum.at("/result/quorumReached")).isEqualTo("false");
        assertThat(noQuorum.at("/result/votesFor")).isEqualTo("1");

        assertProblem(api.anonymous().get("/api/membership/clusters/" + thin + "/conventions/current"), 404, "not-found");
        assertProblem(api.as(a.token()).post("/api/membership/conventions/" + divided + "/acceptances", null), 409,
                "convention-not-current");
        List<Message> events = awaitEvents(thin, ConventionRejected.ROUTING_KEY);
        Message rejected = only(events, ConventionRejected.ROUTING_KEY);
        assertThat(rejected.body().get("conventionId").asString()).isEqualTo(unloved);
        assertThat(rejected.body().get("outcome").asString()).isEqualTo("QUORUM_NOT_REACHED");
        assertThat(rejected.body().get("version").asLong()).isEqualTo(3);
        assertThat(rejected.body().get("tally").get("quorumReached").asBoolean()).isFalse();
        assertThat(rejected.body().get("tally").get("electorate").asInt()).isEqualTo(3);
        Message dividedRejected = only(awaitEvents(quorate, ConventionRejected.ROUTING_KEY),
                ConventionRejected.ROUTING_KEY);
        assertThat(dividedRejected.body().get("outcome").asString()).isEqualTo("MAJORITY_AGAINST");
    }

    @Test
    void concurrentVotesOfOneEnterpriseMakeOneVote() throws Exception {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "eager-voter");
        String convention = draft(cluster, "Convention");
        openBallot(convention, cluster, Instant.now().plus(Duration.ofDays(7)), 50);
        List<String> choices = List.of("FOR", "AGAINST", "ABSTAIN", "FOR", "AGAINST", "ABSTAIN", "FOR", "AGAINST");

        ExecutorService pool = Executors.newFixedThreadPool(choices.size());
        List<Callable<ApiClient.Response>> votes = new ArrayList<>();
        for (String choice : choices) {
            votes.add(() -> vote(member, convention, choice));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<ApiClient.Response> response : pool.invokeAll(votes)) {
            statuses.add(response.get().status());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200);
        List<ConventionVote> stored = mongo.find(Query.query(Criteria.where("conventionId").is(convention)),
                ConventionVote.class);
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().enterpriseId()).isEqualTo(member.enterpriseId());
        assertThat(stored.getFirst().changes()).isEqualTo(choices.size());
        assertThat(api.as(member.token()).get("/api/membership/conventions/" + convention + "/votes/mine").at("/choice"))
                .isEqualTo(stored.getFirst().choice().name());
    }

    @Test
    void votingIsForTheElectorateOnlyAndVotesAreSeenByTheirEnterpriseOnly() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "voting-member");
        Member colleague = new Member("voting-member-staff", member.enterpriseId(),
                enterpriseUser("voting-member-staff", member.enterpriseId()));
        Member otherMember = admit(foundCluster(uniqueSlug("coal")), "voting-other");
        Member outsider = outsider("voting-outsider");
        String convention = draft(cluster, "Convention");
        String votes = "/api/membership/conventions/" + convention + "/votes";
        String mine = votes + "/mine";
        assertProblem(vote(member, convention, "FOR"), 409, "ballot-not-open");
        openBallot(convention, cluster, Instant.now().plus(Duration.ofDays(7)), 50);
        Member lateMember = admit(cluster, "voting-late");

        assertProblem(api.as(member.token()).get(mine), 404, "not-found");
        castVote(member, convention, "AGAINST");
        castVote(colleague, convention, "FOR");
        for (String token : List.of(secretariatOf(cluster), secretariatOf("coking-coal"), lateMember.token(),
                otherMember.token(), outsider.token(), expert(), enterpriseUser("no-enterprise", null))) {
            assertProblem(api.as(token).post(votes, Map.of("choice", "AGAINST")), 403, "forbidden");
            assertProblem(api.as(token).get(mine), 403, "forbidden");
        }
        assertProblem(api.anonymous().post(votes, Map.of("choice", "AGAINST")), 401, null);
        assertProblem(api.anonymous().get(mine), 401, null);
        assertProblem(api.as(member.token()).post(votes, Map.of("choice", "MAYBE")), 400, "validation");
        assertProblem(api.as(member.token()).post(votes, Map.of("choice", "FOR", "enterpriseId", otherMember.enterpriseId())),
                400, "unknown-property");
        assertProblem(api.as(member.token()).post(votes, Map.of()), 400, "validation");
        assertProblem(api.as(member.token()).post("/api/membership/conventions/000000000000000000000000/votes",
                Map.of("choice", "FOR")), 404, "not-found");

        ApiClient.Response own = api.as(member.token()).get(mine);
        assertThat(own.at("/choice")).isEqualTo("FOR");
        assertThat(own.json().findValue("castBy")).isNull();
        assertThat(mongo.count(Query.query(Criteria.where("conventionId").is(convention)), ConventionVote.class)).isEqualTo(1);
        String read = api.as(secretariatOf(cluster)).get("/api/membership/conventions/" + convention).body();
        assertThat(read).doesNotContain("votesFor").doesNotContain(member.enterpriseId());
    }

    @Test
    void refusesEnterprisesOutsideTheClusterVotingOnADraftWithoutTellingItIsOne() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "draft-member");
        Member otherMember = admit(foundCluster(uniqueSlug("coal")), "draft-other");
        Member outsider = outsider("draft-outsider");
        String convention = draft(cluster, "Convention");

        for (Member stranger : List.of(otherMember, outsider)) {
            assertProblem(vote(stranger, convention, "FOR"), 403, "forbidden");
        }
        assertProblem(vote(member, convention, "FOR"), 409, "ballot-not-open");
        assertThat(mongo.count(Query.query(Criteria.where("conventionId").is(convention)), ConventionVote.class))
                .isZero();
    }

    @Test
    void talliesAreForTheClustersSecretariatOnly() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "tally-member");
        Member otherMember = admit(foundCluster(uniqueSlug("coal")), "tally-other");
        String convention = draft(cluster, "Convention");
        String path = "/api/membership/conventions/" + convention + "/tally";
        assertProblem(tally(convention, cluster), 409, "ballot-not-open");
        Instant closesAt = openShortBallot(convention, cluster, 50);
        castVote(member, convention, "FOR");
        passClosingTime(closesAt);

        for (String token : List.of(secretariatOf("coking-coal"), member.token(), otherMember.token(), expert(),
                allianceAdmin())) {
            assertProblem(api.as(token).post(path, null), 403, "forbidden");
        }
        assertProblem(api.anonymous().post(path, null), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).post("/api/membership/conventions/000000000000000000000000/tally", null),
                404, "not-found");
        assertThat(api.as(member.token()).get("/api/membership/conventions/" + convention).at("/status")).isEqualTo("BALLOT");

        assertThat(tally(convention, cluster).at("/status")).isEqualTo("ADOPTED");
    }

    @Test
    void aLaterAdoptionSupersedesThePreviousVersionWhichStaysReadable() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "superseding-member");
        Member otherMember = admit(foundCluster(uniqueSlug("coal")), "superseding-other");
        String first = adopt(cluster, "Convention", member);
        assertThat(api.as(member.token()).post("/api/membership/conventions/" + first + "/acceptances", null).status())
                .isEqualTo(201);

        String second = adopt(cluster, "Convention (2026 revision)", member);

        ApiClient.Response previous = api.as(otherMember.token()).get("/api/membership/conventions/" + first);
        assertThat(previous.status()).as(previous.toString()).isEqualTo(200);
        assertThat(previous.at("/status")).isEqualTo("SUPERSEDED");
        assertThat(previous.at("/supersededBy")).isEqualTo(second);
        assertThat(previous.at("/body")).startsWith("Article 1.");
        assertThat(previous.at("/version")).isEqualTo("4");
        assertProblem(api.anonymous().get("/api/membership/conventions/" + first), 401, null);
        ApiClient.Response current = api.as(otherMember.token()).get("/api/membership/clusters/" + cluster + "/conventions/current");
        assertThat(current.at("/id")).isEqualTo(second);
        assertThat(current.at("/conventionVersion")).isEqualTo("2");
        assertThat(current.at("/supersedes")).isEqualTo(first);
        ApiClient.Response superseded = api.as(member.token()).post("/api/membership/conventions/" + first + "/acceptances", null);
        assertProblem(superseded, 409, "convention-not-current");
        assertThat(superseded.at("/currentState")).isEqualTo("SUPERSEDED");
        Message adopted = awaitEvent(cluster, ConventionAdopted.ROUTING_KEY, second);
        assertThat(adopted.body().get("supersedesConventionId").asString()).isEqualTo(first);
        assertThat(adopted.body().get("conventionVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aSupersessionLeftUnfinishedByACrashIsFinishedByTheJob() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "crash-member");
        String first = adopt(cluster, "Convention", member);
        String second = adopt(cluster, "Convention (2026 revision)", member);
        // As if the process had died right after storing the adoption of the second version:
        mongo.updateFirst(Query.query(Criteria.where("_id").is(first)),
                new Update().set("status", "ADOPTED").unset("supersededBy").unset("supersededAt"), Convention.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(second)), new Update().set("supersession", "PENDING"),
                Convention.class);
        assertThat(api.anonymous().get("/api/membership/clusters/" + cluster + "/conventions/current").at("/id"))
                .isEqualTo(second);

        assertThat(ballots.finishSupersessions(clock.instant())).isGreaterThanOrEqualTo(1);

        ApiClient.Response repaired = api.as(member.token()).get("/api/membership/conventions/" + first);
        assertThat(repaired.at("/status")).isEqualTo("SUPERSEDED");
        assertThat(repaired.at("/supersededBy")).isEqualTo(second);
        assertThat(mongo.findById(second, Convention.class).supersession()).isEqualTo(Convention.Supersession.DONE);
        ballots.finishSupersessions(clock.instant());
        assertThat(api.as(member.token()).get("/api/membership/conventions/" + first).at("/version"))
                .isEqualTo(repaired.at("/version"));
    }

    @Test
    void aBallotLeftUntalliedIsTalliedOnceByTheService() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "auto-member");
        String convention = draft(cluster, "Convention");
        Instant closesAt = openShortBallot(convention, cluster, 50);
        castVote(member, convention, "FOR");

        ballots.tallyBallotsClosedBefore(closesAt.minusSeconds(1));
        assertThat(api.as(member.token()).get("/api/membership/conventions/" + convention).at("/status")).isEqualTo("BALLOT");
        passClosingTime(closesAt);
        assertThat(ballots.tallyBallotsClosedBefore(clock.instant())).isGreaterThanOrEqualTo(1);

        ApiClient.Response tallied = api.as(member.token()).get("/api/membership/conventions/" + convention);
        assertThat(tallied.at("/status")).isEqualTo("ADOPTED");
        assertThat(tallied.at("/result/votesFor")).isEqualTo("1");
        ballots.tallyBallotsClosedBefore(clock.instant());
        assertThat(api.as(member.token()).get("/api/membership/conventions/" + convention).at("/version"))
                .isEqualTo(tallied.at("/version"));
        assertProblem(tally(convention, cluster), 409, "ballot-not-open");
        ApiClient.Response trail = api.as(secretariatOf(cluster)).get("/api/membership/clusters/" + cluster + "/audit");
        assertThat(trail.at("/content/0/action")).isEqualTo("convention.tallied");
        assertThat(trail.at("/content/0/actorId")).isEqualTo(Ballots.AUTO_TALLY.subject());
        assertThat(awaitEvent(cluster, ConventionAdopted.ROUTING_KEY, convention).body().get("version").asLong())
                .isEqualTo(3);
        // A new ballot can open in the cluster: the tally released the cluster's claim.
        assertThat(openBallot(draft(cluster, "Next"), cluster, Instant.now().plus(Duration.ofDays(7)), 50).status())
                .isEqualTo(200);
    }

    @Test
    void activeMembersAcceptTheCurrentConventionOnceAndTheSecretariatSeesWhoHasNot() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member opal = admit(cluster, "accepting-opal");
        Member foshan = admit(cluster, "accepting-foshan");
        Member otherMember = admit(foundCluster(uniqueSlug("coal")), "accepting-other");
        Member outsider = outsider("accepting-outsider");
        String convention = adopt(cluster, "Convention", opal);
        Member late = admit(cluster, "accepting-late");
        String accept = "/api/membership/conventions/" + convention + "/acceptances";

        ApiClient.Response accepted = api.as(opal.token()).post(accept, null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(accepted.at("/enterpriseId")).isEqualTo(opal.enterpriseId());
        assertThat(accepted.at("/conventionVersion")).isEqualTo("1");
        assertThat(api.as(late.token()).post(accept, null).status()).isEqualTo(201);
        assertProblem(api.as(opal.token()).post(accept, null), 409, "convention-accepted-already");
        for (String token : List.of(secretariatOf(cluster), secretariatOf("coking-coal"), otherMember.token(),
                outsider.token(), expert())) {
            assertProblem(api.as(token).post(accept, null), 403, "forbidden");
        }
        assertProblem(api.anonymous().post(accept, null), 401, null);

        ApiClient.Response report = api.as(secretariatOf(cluster)).get(accept);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.at("/conventionVersion")).isEqualTo("1");
        assertThat(report.json().get("accepted").findValuesAsString("enterpriseId"))
                .containsExactly(opal.enterpriseId(), late.enterpriseId());
        assertThat(report.json().get("notAccepted").findValuesAsString("enterpriseId")).containsExactly(foshan.enterpriseId());
        assertThat(report.at("/notAccepted/0/memberNumber")).startsWith(memberNumberPrefix(cluster) + "-");
        for (String token : List.of(secretariatOf("coking-coal"), opal.token(), otherMember.token(), expert())) {
            assertProblem(api.as(token).get(accept), 403, "forbidden");
        }
        assertProblem(api.anonymous().get(accept), 401, null);
    }

    @Test
    void concurrentAcceptancesOfOneEnterpriseRecordOne() throws Exception {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "eager-acceptor");
        String convention = adopt(cluster, "Convention", member);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(() -> api.as(member.token()).post("/api/membership/conventions/" + convention + "/acceptances", null).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(requests)) {
            statuses.add(status.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(mongo.count(Query.query(Criteria.where("conventionId").is(convention)), ConventionAcceptance.class))
                .isEqualTo(1);
    }

    @Test
    void theCurrentConventionIsPublicAndNeedsAnAdoptedVersion() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        String path = "/api/membership/clusters/" + cluster + "/conventions/current";
        draft(cluster, "Only a draft");

        assertProblem(api.anonymous().get(path), 404, "not-found");
        assertProblem(api.anonymous().get("/api/membership/clusters/no-such-cluster/conventions/current"), 404, "not-found");
        assertProblem(api.anonymous().post(path, null), 401, null);
    }

    /** Drafts, balloting with the member's vote FOR, waits for the closing time, tallies: ADOPTED. */
    private String adopt(String clusterId, String title, Member voter) {
        String convention = draft(clusterId, title);
        Instant closesAt = openShortBallot(convention, clusterId, 1);
        castVote(voter, convention, "FOR");
        passClosingTime(closesAt);
        ApiClient.Response tallied = tally(convention, clusterId);
        assertThat(tallied.status()).as(tallied.toString()).isEqualTo(200);
        assertThat(tallied.at("/status")).isEqualTo("ADOPTED");
        return convention;
    }
}
