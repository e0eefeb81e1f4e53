package com.brandcluster.platform.membership;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.membership.ClusterCreated;
import com.brandcluster.contracts.membership.ClusterTiersChanged;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every service that keeps the cluster tiers projection must do, run against that service's own context (a
 * subclass carries the context configuration): consume membership-service's cluster events (the shared fixtures) from
 * its own queue, keep every benefit of every tier, apply each cluster version once and never roll a newer one back,
 * and dead-letter what it cannot read.
 */
public abstract class ClusterTiersContract {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    private ClusterTiers clusterTiers;

    @Value("${brandcluster.tier-entitlements.queue}")
    private String queue;

    private MembershipEvents membershipEvents;

    @BeforeEach
    void connect() throws Exception {
        membershipEvents = new MembershipEvents();
    }

    @AfterEach
    void disconnect() throws Exception {
        membershipEvents.close();
    }

    @Test
    void aCreatedClusterHasItsTiersWithEveryBenefit() throws Exception {
        String clusterId = uniqueCluster();

        publish(ClusterCreated.ROUTING_KEY, created(clusterId));

        await().atMost(WAIT).untilAsserted(() -> assertThat(clusterTiers.version(clusterId)).hasValue(1L));
        assertThat(clusterTiers.of(clusterId)).containsExactly(
                new ClusterTier("member", "Member", 1, 4, 2, 1),
                new ClusterTier("council", "Council member", 2, 16, 4, 2));
        assertThat(clusterTiers.seatsPerEvent(clusterId, "council")).hasValue(4);
        assertThat(clusterTiers.consultationHoursPerYear(clusterId, "member")).hasValue(4);
        assertThat(clusterTiers.assetAccessRank(clusterId, "council")).hasValue(2);
        assertThat(clusterTiers.tier(clusterId, "council")).map(ClusterTier::name).hasValue("Council member");
        assertThat(clusterTiers.name(clusterId)).hasValue("China Lighting Brand Cluster");
    }

    @Test
    void aTiersChangeKeepsTheNameTheCreationGave() throws Exception {
        String clusterId = uniqueCluster();
        publish(ClusterCreated.ROUTING_KEY, created(clusterId));
        await().atMost(WAIT).untilAsserted(() -> assertThat(clusterTiers.version(clusterId)).hasValue(1L));

        publish(ClusterTiersChanged.ROUTING_KEY, tiersChanged(clusterId, 2, List.of(tier("member", 1, 5))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(clusterTiers.version(clusterId)).hasValue(2L));

        assertThat(clusterTiers.name(clusterId)).hasValue("China Lighting Brand Cluster");
    }

    @Test
    void anUnknownClusterOrTierEntitlesToNothing() throws Exception {
        String clusterId = uniqueCluster();
        publish(ClusterCreated.ROUTING_KEY, created(clusterId));
        await().atMost(WAIT).untilAsserted(() -> assertThat(clusterTiers.version(clusterId)).hasValue(1L));

        assertThat(clusterTiers.seatsPerEvent(clusterId, "no-such-tier")).isEmpty();
        assertThat(clusterTiers.of("never-announced")).isEmpty();
        assertThat(clusterTiers.seatsPerEvent("never-announced", "member")).isEmpty();
        assertThat(clusterTiers.version("never-announced")).isEmpty();
    }

    @Test
    void changedTiersReplaceTheOldOnesAndALateOlderOrRepeatedVersionChangesNothing() throws Exception {
        String clusterId = uniqueCluster();
        publish(ClusterCreated.ROUTING_KEY, created(clusterId));
        await().atMost(WAIT).untilAsserted(() -> assertThat(clusterTiers.version(clusterId)).hasValue(1L));

        publish(ClusterTiersChanged.ROUTING_KEY, tiersChanged(clusterId, 3, List.of(
                tier("member", 1, 3), tier("council", 2, 6), tier("vice-chair", 3, 10))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(clusterTiers.version(clusterId)).hasValue(3L));
        publish(ClusterTiersChanged.ROUTING_KEY, tiersChanged(clusterId, 2, List.of(tier("member", 1, 99))));
        publish(ClusterTiersChanged.ROUTING_KEY, tiersChanged(clusterId, 3, List.of(tier("member", 1, 77))));
        awaitQueueDrained();

        assertThat(clusterTiers.version(clusterId)).hasValue(3L);
        assertThat(clusterTiers.of(clusterId)).extracting(ClusterTier::code)
                .containsExactly("member", "council", "vice-chair");
        assertThat(clusterTiers.seatsPerEvent(clusterId, "member")).hasValue(3);
        assertThat(clusterTiers.seatsPerEvent(clusterId, "vice-chair")).hasValue(10);
    }

    @Test
    void aCreationOvertakenByATiersChangeDoesNotRollItBack() throws Exception {
        String clusterId = uniqueCluster();

        publish(ClusterTiersChanged.ROUTING_KEY, tiersChanged(clusterId, 2, List.of(tier("member", 1, 5))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(clusterTiers.version(clusterId)).hasValue(2L));
        publish(ClusterCreated.ROUTING_KEY, created(clusterId));
        awaitQueueDrained();

        assertThat(clusterTiers.version(clusterId)).hasValue(2L);
        assertThat(clusterTiers.of(clusterId)).containsExactly(new ClusterTier("member", "Tier member", 1, 8, 5, 1));
        // a cluster's name comes only with its creation, so a late creation still gives it
        assertThat(clusterTiers.name(clusterId)).hasValue("China Lighting Brand Cluster");
    }

    @Test
    void anUnreadableMessageIsDeadLetteredAndTheConsumerGoesOn() throws Exception {
        RabbitManagement management = RabbitExtension.management();
        long deadBefore = management.messageCount(queue + ".dlq");
        String clusterId = uniqueCluster();

        publish(ClusterTiersChanged.ROUTING_KEY, "{ this is not json");
        publish(ClusterCreated.ROUTING_KEY, created(clusterId));

        await().atMost(WAIT).untilAsserted(() -> assertThat(clusterTiers.version(clusterId)).hasValue(1L));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(management.messageCount(queue + ".dlq")).isEqualTo(deadBefore + 1));
    }

    @Test
    void theQueueIsADurableQuorumQueueBoundToTheClusterEventsOnly() {
        MembershipEvents.assertConsumerQueue(queue, ClusterCreated.ROUTING_KEY, ClusterTiersChanged.ROUTING_KEY);
    }

    // ------------------------------------------------------------------------------------------------------------

    private static String uniqueCluster() {
        return "lighting-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String created(String clusterId) {
        return EventFixtures.json(ClusterCreated.ROUTING_KEY, Map.of("eventId", UUID.randomUUID().toString(),
                "clusterId", clusterId));
    }

    private static String tiersChanged(String clusterId, long version, List<Map<String, Object>> tiers) {
        return EventFixtures.json(ClusterTiersChanged.ROUTING_KEY, Map.of("eventId", UUID.randomUUID().toString(),
                "clusterId", clusterId, "version", version, "tiers", tiers));
    }

    private static Map<String, Object> tier(String code, int rank, int seatsPerEvent) {
        return Map.of("code", code, "name", "Tier " + code, "rank", rank, "annualFee", 10000 * rank,
                "consultationHoursPerYear", 8 * rank, "seatsPerEvent", seatsPerEvent, "assetAccessRank", rank);
    }

    private void publish(String routingKey, String json) throws Exception {
        membershipEvents.publish(routingKey, json);
    }

    /** Waits until everything published before is consumed: a sentinel cluster behind it in the same queue. */
    private void awaitQueueDrained() throws Exception {
        String sentinel = uniqueCluster();
        publish(ClusterCreated.ROUTING_KEY, created(sentinel));
        await().atMost(WAIT).untilAsserted(() -> assertThat(clusterTiers.version(sentinel)).hasValue(1L));
    }
}
