package com.brandcluster.membership.membership;

import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.membership.membership.PublishedMembershipEvents.Message;
import org.junit.jupiter.api.Test;
import com.brandcluster.platform.outbox.OutboxEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expiry job, driven by data: memberships whose {@code validUntil} lies in the past (set through the database),
 * moved along by calling the job's method as the scheduler does. The grace period is the default, 60 days.
 */
class MembershipExpiryIT extends MembershipLifecycleIntegrationTest {

    @Autowired
    private MembershipExpiry expiry;
    @Autowired
    private MongoOperations mongo;
    @Autowired
    private MembershipRepository repository;
    @Autowired
    private OutboxEvents outboxEvents;
    @Autowired
    private Clock clock;

    @Test
    void pagesThroughMoreExpiredMembershipsThanOneBatchHolds() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        List<Member> expired = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Member member = admit(cluster, "batched-" + i);
            data.validUntil(cluster, member.enterpriseId(), MembershipTestData.today().minusDays(2));
            expired.add(member);
        }
        MembershipExpiry oneAtATime = new MembershipExpiry(mongo, repository, outboxEvents,
                new MembershipProperties(Period.ofDays(60), Duration.ofHours(1), 1), clock);

        oneAtATime.moveExpiredMemberships();

        for (Member member : expired) {
            assertThat(data.membership(cluster, member.enterpriseId()).status()).isEqualTo(Membership.Status.GRACE);
        }
        events.await(cluster, MembershipStatusChanged.ROUTING_KEY, 3);
    }

    @Test
    void movesExpiredMembershipsAlongOnceAndPublishesEachStep() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member expired = admit(cluster, "expired");
        Member overdue = admit(cluster, "overdue");
        Member valid = admit(cluster, "valid");
        Member suspended = admit(cluster, "suspended");
        api.as(secretariatOf(cluster)).post(memberPath(cluster, suspended) + "/suspension", java.util.Map.of("reason", "x"));
        LocalDate today = MembershipTestData.today();
        data.validUntil(cluster, expired.enterpriseId(), today.minusDays(1));
        data.validUntil(cluster, overdue.enterpriseId(), today.minusDays(61));
        data.validUntil(cluster, valid.enterpriseId(), today);
        data.validUntil(cluster, suspended.enterpriseId(), today.minusDays(100));

        expiry.moveExpiredMemberships();

        Membership graced = data.membership(cluster, expired.enterpriseId());
        assertThat(graced.status()).isEqualTo(Membership.Status.GRACE);
        assertThat(graced.version()).isEqualTo(2);
        assertThat(graced.history().getLast().by()).isEqualTo(Membership.SYSTEM);
        assertThat(graced.history().getLast().reason()).contains(today.minusDays(1).toString());
        Membership lapsed = data.membership(cluster, overdue.enterpriseId());
        assertThat(lapsed.status()).isEqualTo(Membership.Status.LAPSED);
        assertThat(lapsed.history()).extracting(Membership.Change::kind).containsExactly(
                Membership.ChangeKind.ADMITTED, Membership.ChangeKind.GRACE, Membership.ChangeKind.LAPSED);
        assertThat(data.membership(cluster, valid.enterpriseId()).status()).isEqualTo(Membership.Status.ACTIVE);
        assertThat(data.membership(cluster, valid.enterpriseId()).version()).isEqualTo(1);
        assertThat(data.membership(cluster, suspended.enterpriseId()).status()).isEqualTo(Membership.Status.SUSPENDED);

        expiry.moveExpiredMemberships();

        assertThat(data.membership(cluster, expired.enterpriseId()).version()).as("idempotent").isEqualTo(2);
        assertThat(data.membership(cluster, overdue.enterpriseId()).version()).as("idempotent").isEqualTo(3);
        List<Message> changes = events.await(cluster, MembershipStatusChanged.ROUTING_KEY, 4);
        assertThat(changes.stream().filter(m -> m.text("enterpriseId").equals(expired.enterpriseId())))
                .singleElement().satisfies(m -> {
                    assertThat(m.text("change")).isEqualTo("GRACE");
                    assertThat(m.text("status")).isEqualTo("GRACE");
                    assertThat(m.text("previousStatus")).isEqualTo("ACTIVE");
                    assertThat(m.version()).isEqualTo(2);
                    assertThat(m.text("validUntil")).isEqualTo(today.minusDays(1).toString());
                });
        assertThat(changes.stream().filter(m -> m.text("enterpriseId").equals(overdue.enterpriseId())))
                .extracting(m -> m.text("change") + "@" + m.version()).containsExactly("GRACE@2", "LAPSED@3");
        events.assertStaysAt(cluster, MembershipStatusChanged.ROUTING_KEY, 4);
        assertThat(membership(cluster, expired).at("/status")).isEqualTo("GRACE");
    }

    @Test
    void twoRunsAtOnceMoveEachMembershipOnceWithOneEventPerStep() throws Exception {
        String cluster = foundCluster(uniqueSlug("lighting"));
        LocalDate today = MembershipTestData.today();
        List<Member> expired = new ArrayList<>();
        List<Member> overdue = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Member member = admit(cluster, "expired-" + i);
            data.validUntil(cluster, member.enterpriseId(), today.minusDays(3));
            expired.add(member);
            Member late = admit(cluster, "overdue-" + i);
            data.validUntil(cluster, late.enterpriseId(), today.minusDays(70));
            overdue.add(late);
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MembershipExpiry.Run>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return expiry.moveExpiredMemberships();
            }));
        }
        start.countDown();
        for (Future<MembershipExpiry.Run> run : runs) {
            run.get();
        }
        pool.shutdown();

        for (Member member : expired) {
            assertThat(data.membership(cluster, member.enterpriseId()).history())
                    .extracting(Membership.Change::kind)
                    .containsExactly(Membership.ChangeKind.ADMITTED, Membership.ChangeKind.GRACE);
        }
        for (Member member : overdue) {
            assertThat(data.membership(cluster, member.enterpriseId()).history())
                    .extracting(Membership.Change::kind)
                    .containsExactly(Membership.ChangeKind.ADMITTED, Membership.ChangeKind.GRACE,
                            Membership.ChangeKind.LAPSED);
        }
        List<Message> changes = events.await(cluster, MembershipStatusChanged.ROUTING_KEY, 12);
        assertThat(changes).extracting(m -> m.text("enterpriseId") + ":" + m.text("change") + "@" + m.version())
                .doesNotHaveDuplicates().hasSize(12);
        events.assertStaysAt(cluster, MembershipStatusChanged.ROUTING_KEY, 12);
    }

    @Test
    void aRunHoldingAStaleCopyDoesNotMoveTheMembershipAgain() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "stale");
        LocalDate today = MembershipTestData.today();
        data.validUntil(cluster, member.enterpriseId(), today.minusDays(1));
        Membership staleCopy = data.membership(cluster, member.enterpriseId());

        expiry.moveExpiredMemberships();
        List<MembershipStatusChanged> secondInstance = expiry.moveAlong(staleCopy, today, Instant.now());

        assertThat(secondInstance).as("the version it read is gone; read again, nothing is due").isEmpty();
        assertThat(data.membership(cluster, member.enterpriseId()).history()).extracting(Membership.Change::kind)
                .containsExactly(Membership.ChangeKind.ADMITTED, Membership.ChangeKind.GRACE);
        assertThat(events.await(cluster, MembershipStatusChanged.ROUTING_KEY, 1)).singleElement()
                .satisfies(m -> assertThat(m.text("change")).isEqualTo("GRACE"));
        events.assertStaysAt(cluster, MembershipStatusChanged.ROUTING_KEY, 1);
    }

    @Test
    void aMembershipChangedBetweenReadAndWriteIsJudgedAgainOnItsFreshState() {
        String cluster = foundCluster(uniqueSlug("lighting"));
        Member member = admit(cluster, "renewed-meanwhile");
        LocalDate ending = MembershipTestData.today().plusDays(20);
        data.validUntil(cluster, member.enterpriseId(), ending);
        Membership staleCopy = data.membership(cluster, member.enterpriseId());
        api.as(secretariatOf(cluster)).post(memberPath(cluster, member) + "/renewal", null);

        // A run on the day after the old validity: due on the copy it read, not on the renewed membership.
        List<MembershipStatusChanged> steps = expiry.moveAlong(staleCopy, ending.plusDays(1), Instant.now());

        assertThat(steps).as("renewed meanwhile: nothing is due").isEmpty();
        Membership fresh = data.membership(cluster, member.enterpriseId());
        assertThat(fresh.status()).isEqualTo(Membership.Status.ACTIVE);
        assertThat(fresh.validUntil()).isEqualTo(ending.plusYears(1));
        assertThat(fresh.history()).extracting(Membership.Change::kind)
                .containsExactly(Membership.ChangeKind.ADMITTED, Membership.ChangeKind.RENEWED);
    }
}
