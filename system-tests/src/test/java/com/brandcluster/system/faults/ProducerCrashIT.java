package com.brandcluster.system.faults;

import com.brandcluster.system.support.Members;
import com.brandcluster.system.support.Members.Member;
import com.brandcluster.system.support.Portal;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.system.support.ServiceProcess;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.KeycloakExtension;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A producer killed ({@code kill -9}) with a committed change whose event is still in its outbox: membership-service
 * runs with its outbox relay paused, the secretariat suspends a member, the event waits in the membership's outbox, the
 * service is killed and started normally; the event then reaches every consumer, once.
 */
@PortalSystemTest
@Order(Integer.MAX_VALUE - 5)
class ProducerCrashIT {

    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final Portal portal = Portal.get();
    private final MembershipCopies copies = new MembershipCopies(portal);

    @AfterEach
    void leavePortalHealthy() {
        ServiceProcess membership = portal.membership();
        if (!membership.isAlive()) {
            membership.start();
        }
        membership.awaitReady(STARTUP);
    }

    @Test
    void eventCommittedBeforeTheCrashIsDeliveredOnceAfterTheRestart() {
        Member member = Members.newInLighting(portal, 1).getFirst();
        String membershipId = MembershipCopies.id(copies.membership("lighting", member.enterpriseId()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                MembershipCopies.COPIES.stream().filter(copy -> copy.collection().equals("member_standings"))
                        .forEach(copy -> assertThat(copies.versions(copy, Set.of(membershipId)))
                                .as(copy.toString()).containsEntry(membershipId, 1L)));

        ServiceProcess membership = portal.membership();
        membership.kill();
        membership.start(Map.of("BRANDCLUSTER_OUTBOX_ENABLED", "false"));
        membership.awaitReady(STARTUP);
        ApiClient secretariat = portal.viaGateway().as(KeycloakExtension.passwordToken("secretariat-lighting",
                KeycloakExtension.DEMO_PASSWORD));
        ApiClient.Response suspended = secretariat.post("/api/membership/clusters/lighting/members/"
                + member.enterpriseId() + "/suspension", Map.of("reason", "Annual fee unpaid"));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);

        Document committed = copies.membership("lighting", member.enterpriseId());
        assertThat(MembershipCopies.version(committed)).isEqualTo(2);
        Document pending = MembershipCopies.outbox(committed).getLast();
        assertThat(pending.getString("routingKey")).isEqualTo("membership.member.status-changed.v1");
        assertThat(pending.get("sentAt")).as("published although the relay is paused").isNull();
        String eventId = MembershipCopies.eventId(pending);
        assertThat(portal.database("membership").getCollection("outbox_sent")
                .countDocuments(new Document("_id", eventId))).isZero();
        MembershipCopies.COPIES.forEach(copy -> assertThat(copies.versions(copy, Set.of(membershipId)))
                .as(copy + " got the suspension before it was published").doesNotContainEntry(membershipId, 2L));

        membership.kill();
        membership.start();
        membership.awaitReady(STARTUP);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (MembershipCopies.Copy copy : MembershipCopies.COPIES) {
                assertThat(copies.versions(copy, Set.of(membershipId))).as(copy.toString())
                        .containsEntry(membershipId, 2L);
                assertThat(copies.copyOf(copy, membershipId).getString("status")).as(copy.toString())
                        .isEqualTo("SUSPENDED");
            }
            assertThat(copies.notificationsBySource(List.of(eventId))).containsEntry(eventId, 1);
        });
        Document sent = MembershipCopies.outbox(copies.membership("lighting", member.enterpriseId())).getLast();
        assertThat(sent.get("sentAt")).as("marked sent").isNotNull();
        assertThat(portal.database("membership").getCollection("outbox_sent")
                .countDocuments(new Document("_id", eventId))).as("published once").isEqualTo(1);
        System.out.printf("ProducerCrashIT: event %s pending across kill -9 with the relay paused; after the restart "
                + "published once, applied at version 2 by %d copies, 1 notification%n", eventId,
                MembershipCopies.COPIES.size());
    }
}
