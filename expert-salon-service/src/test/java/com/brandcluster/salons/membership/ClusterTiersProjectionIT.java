package com.brandcluster.salons.membership;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.membership.ClusterCreated;
import com.brandcluster.contracts.membership.ClusterTiersChanged;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitManagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code cluster_tiers} projection fed by membership-service's cluster events (the shared fixtures) through this
 * service's own queue: created, changed, duplicates and late older versions ignored, unreadable messages
 * dead-lettered.
 */
class ClusterTiersProjectionIT extends SalonsMembershipIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ClusterTiers clusterTiers;

    @Value("${brandcluster.cluster-tiers.queue}")
    String queue;

    @Test
    void aCreatedClusterHasItsTiersWithTheirConsultationHours() throws Exception {
        String clusterId = uniqueId("lighting");

        publishMembershipEvent(ClusterCreated.ROUTING_KEY, created(clusterId));

        await().atMost(WAIT).untilAsserted(() -> assertThat(clusterTiers.of(clusterId)).hasSize(2));
        assertThat(clusterTiers.of(clusterId)).containsExactly(
                new ClusterTier("member", "Member", 1, 4, 2, 1),
                new ClusterTier("council", "Council member", 2, 16, 4, 2));
        assertThat(clusterTiers.consultationHoursPerYear(clusterId, "council")).hasValue(16);
        assertThat(clusterTiers.consultationHoursPerYear(clusterId, "member")).hasValue(4);
        assertThat(clusterTiers.consultationHoursPerYear(clusterId, "no-such-tier")).isEmpty();
        assertThat(clusterTiers.version(clusterId)).hasValue(1L);
    }

    @Test
    void anUnknownClusterHasNoTiersAndNoHours() {
        String clusterId = uniqueId("unknown");

        assertThat(clusterTiers.of(clusterId)).isEmpty();
        assertThat(clusterTiers.consultationHoursPerYear(clusterId, "member")).isEmpty();
        assertThat(clusterTiers.version(clusterId)).isEmpty();
    }

    @Test
    void changedTiersReplaceTheOldOnesAndALateOlderVersionIsIgnored() throws Exception {
        String clusterId = uniqueId("lighting");
        publishMembershipEvent(ClusterCreated.ROUTING_KEY, created(clusterId));
        await().atMost(WAIT).untilAsserted(() -> assertThat(clusterTiers.version(clusterId)).hasValue(1L));

        publishMembershipEvent(ClusterTiersChanged.ROUTING_KEY, tiersChanged(clusterId, 3, List.of(
                tier("member", "Member", 1, 6), tier("council", "Council member", 2, 24),
                tier("vice-chair", "Vice chair", 3, 40))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(clusterTiers.version(clusterId)).hasValue(3L));
        // version 2 arrives late, and version 3 again (redelivered): neither changes anything
        publishMembershipEvent(ClusterTiersChanged.ROUTING_KEY, tiersChanged(clusterId, 2, List.of(
                tier("member", "Member", 1, 99))));
        publishMembershipEvent(ClusterTiersChanged.ROUTING_KEY, tiersChanged(clusterId, 3, List.of(
                tier("member", "Member", 1, 77))));
        awaitQueueDrained();

        assertThat(clusterTiers.version(clusterId)).hasValue(3L);
        assertThat(clusterTiers.of(clusterId)).extracting(ClusterTier::code)
                .containsExactly("member", "council", "vice-chair");
        assertThat(clusterTiers.consultationHoursPerYear(clusterId, "member")).hasValue(6);
        assertThat(clusterTiers.consultationHoursPerYear(clusterId, "vice-chair")).hasValue(40);
    }

    @Test
    void aCreationOvertakenByATiersChangeDoesNotRollItBack() throws Exception {
        String clusterId = uniqueId("lighting");

        publishMembershipEvent(ClusterTiersChanged.ROUTING_KEY, tiersChanged(clusterId, 2, List.of(
                tier("member", "Member", 1, 8))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(clusterTiers.version(clusterId)).hasValue(2L));
        publishMembershipEvent(ClusterCreated.ROUTING_KEY, created(clusterId));
        awaitQueueDrained();

        assertThat(clusterTiers.version(clusterId)).hasValue(2L);
        assertThat(clusterTiers.of(clusterId)).containsExactly(new ClusterTier("member", "Member", 1, 8, 2, 1));
    }

    @Test
    void anUnreadableMessageIsDeadLetteredAndTheConsumerGoesOn() throws Exception {
        RabbitManagement management = RabbitExtension.management();
        long deadBefore = management.messageCount(queue + ".dlq");
        String clusterId = uniqueId("lighting");

        publishMembershipEvent(ClusterTiersChanged.ROUTING_KEY, "{ this is not json");
        publishMembershipEvent(ClusterCreated.ROUTING_KEY, created(clusterId));

        await().atMost(WAIT).untilAsserted(() -> assertThat(clusterTiers.version(clusterId)).hasValue(1L));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(management.messageCount(queue + ".dlq")).isEqualTo(deadBefore + 1));
    }

    @Test
    void theQueueIsADurableQuorumQueueWithItsDeadLetterQueue() {
        RabbitManagement management = RabbitExtension.management();

        assertThat(management.queue(queue)).hasValueSatisfying(q -> {
            assertThat(q.type()).isEqualTo("quorum");
            assertThat(q.durable()).isTrue();
        });
        assertThat(management.queueExists(queue + ".dlq")).isTrue();
    }

    // ------------------------------------------------------------------------------------------------------------

    private static String created(String clusterId) {
        return EventFixtures.json(ClusterCreated.ROUTING_KEY, Map.of("eventId", UUID.randomUUID().toString(),
                "clusterId", clusterId));
    }

    private static String tiersChanged(String clusterId, long version, List<Map<String, Object>> tiers) {
        return EventFixtures.json(ClusterTiersChanged.ROUTING_KEY, Map.of("eventId", UUID.randomUUID().toString(),
                "clusterId", clusterId, "version", version, "tiers", tiers));
    }

    private static Map<String, Object> tier(String code, String name, int rank, int hours) {
        return Map.of("code", code, "name", name, "rank", rank, "annualFee", 1000 * rank,
                "consultationHoursPerYear", hours, "seatsPerEvent", 2, "assetAccessRank", 1);
    }

    /** Waits until everything published before is consumed: a sentinel cluster behind it in the same queue. */
    private void awaitQueueDrained() throws Exception {
        String sentinel = uniqueId("sentinel");
        publishMembershipEvent(ClusterCreated.ROUTING_KEY, created(sentinel));
        await().atMost(WAIT).untilAsserted(() -> assertThat(clusterTiers.version(sentinel)).hasValue(1L));
    }
}
