package com.brandcluster.membership.convention;

import com.brandcluster.contracts.membership.ConventionBallotClosingSoon;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.outbox.OutboxRelay;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ballot-closing-soon announcement, driven as of chosen instants (a fixed clock per round): once per ballot, a
 * day before it closes, naming the enterprises of the electorate that have not voted, however many instances run the
 * round and however often.
 */
class BallotClosingRemindersIT extends ConventionIntegrationTest {

    private static final Duration LEAD = Duration.ofHours(24);

    @Autowired
    private MongoOperations mongo;
    @Autowired
    private OutboxEvents outboxEvents;
    @Autowired
    private ObjectProvider<OutboxRelay> relay;
    @Autowired
    private ConventionProperties properties;

    @Test
    void announcesOnceADayAheadTheEnterprisesThatHaveNotVoted() throws Exception {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member opal = admit(cluster, "opal");
        Member foshan = admit(cluster, "foshan");
        Member nvc = admit(cluster, "nvc");
        String convention = draft(cluster, "Convention of the cluster");
        Instant closesAt = open(convention, cluster, Instant.now().plus(Duration.ofDays(3)));
        castVote(opal, convention, "FOR");

        assertThat(roundAt(closesAt.minus(LEAD).minusSeconds(1)).announce()).as("not due yet").isZero();
        List<Integer> racing = atOnce(closesAt.minus(Duration.ofHours(23)), 3);
        assertThat(racing).containsExactlyInAnyOrder(1, 0, 0);
        assertThat(roundAt(closesAt.minus(Duration.ofHours(1))).announce()).as("a later round, a restart").isZero();

        Message announced = awaitEvent(cluster, ConventionBallotClosingSoon.ROUTING_KEY, convention);
        assertThat(announced.body().get("closesAt").asString()).isEqualTo(closesAt.toString());
        assertThat(announced.body().get("title").asString()).isEqualTo("Convention of the cluster");
        assertThat(announced.body().get("conventionVersion").asInt()).isEqualTo(1);
        assertThat(announced.body().get("version").asLong()).isEqualTo(3);
        assertThat(announced.body().get("notVoted").values()).extracting(node -> node.asString())
                .containsExactly(foshan.enterpriseId(), nvc.enterpriseId());
        Convention stored = mongo.findById(convention, Convention.class);
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.history().getLast().action()).isEqualTo("ballot-closing-soon");
        assertThat(stored.closingSoonFor()).isEqualTo(closesAt);
        assertThat(stored.outbox()).extracting(OutboxEntry::routingKey)
                .containsOnlyOnce(ConventionBallotClosingSoon.ROUTING_KEY);
        assertThat(vote(nvc, convention, "AGAINST").status()).as("the ballot still takes votes").isEqualTo(200);
    }

    @Test
    void aBallotOpenedWithinTheLeadTimeIsNotAnnounced() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        admit(cluster, "opal");
        String convention = draft(cluster, "Convention of the cluster");
        Instant closesAt = open(convention, cluster, Instant.now().plus(Duration.ofHours(10)));

        assertThat(roundAt(closesAt.minus(Duration.ofHours(9))).announce()).isZero();

        assertThat(mongo.findById(convention, Convention.class).closingSoonFor()).isNull();
    }

    @Test
    void aBallotEveryoneVotedInIsMarkedWithoutAnEvent() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member opal = admit(cluster, "opal");
        String convention = draft(cluster, "Convention of the cluster");
        Instant closesAt = open(convention, cluster, Instant.now().plus(Duration.ofDays(2)));
        castVote(opal, convention, "ABSTAIN");

        assertThat(roundAt(closesAt.minus(Duration.ofHours(2))).announce()).isZero();

        Convention stored = mongo.findById(convention, Convention.class);
        assertThat(stored.closingSoonFor()).isEqualTo(closesAt);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.outbox()).extracting(OutboxEntry::routingKey)
                .doesNotContain(ConventionBallotClosingSoon.ROUTING_KEY);
    }

    private Instant open(String convention, String cluster, Instant closesAt) {
        ApiClient.Response opened = openBallot(convention, cluster, closesAt.truncatedTo(ChronoUnit.SECONDS), 50);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        return Instant.parse(opened.at("/ballot/closesAt"));
    }

    /** The job of one instance whose clock stands at {@code now}. */
    private BallotClosingReminders roundAt(Instant now) {
        return new BallotClosingReminders(mongo, outboxEvents, relay, properties, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** {@code instances} rounds as of the same instant, released together as several instances would run them. */
    private List<Integer> atOnce(Instant now, int instances) throws Exception {
        List<Callable<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            BallotClosingReminders job = roundAt(now);
            rounds.add(job::announce);
        }
        List<Integer> announced = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
            for (Future<Integer> each : pool.invokeAll(rounds)) {
                announced.add(each.get());
            }
        }
        return announced;
    }
}
