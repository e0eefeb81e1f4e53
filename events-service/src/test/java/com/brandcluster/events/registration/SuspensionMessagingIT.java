package com.brandcluster.events.registration;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.events.EventsIntegrationTest;
import com.brandcluster.events.PublishedEvents;
import com.brandcluster.platform.membership.MembershipEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.brandcluster.events.PublishedEvents.about;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A membership leaving good standing, as membership-service announces it on RabbitMQ (the shared fixture): the
 * enterprise's unconfirmed registrations go back to approval, once, and an older or repeated announcement changes
 * nothing.
 */
class SuspensionMessagingIT extends EventsIntegrationTest {

    @Value("${brandcluster.events.registrations.member-status-queue}")
    String queue;

    private MembershipEvents membershipEvents;

    @BeforeEach
    void openMembershipEvents() throws Exception {
        membershipEvents = new MembershipEvents();
    }

    @AfterEach
    void closeMembershipEvents() throws Exception {
        membershipEvents.close();
    }

    @Test
    void aSuspensionSendsTheMembersUnconfirmedRegistrationsBackToApprovalOnce() throws Exception {
        String cluster = cluster();
        String suspended = member(cluster);
        String membershipId = UUID.randomUUID().toString();
        String waitlisted = waitlistedFor(published(cluster, 1, 1), cluster, suspended);
        String offeredEvent = published(cluster, 1, 1);
        String seatedRegistration = register(offeredEvent, member(cluster), 1).at("/id");
        String offered = register(offeredEvent, suspended, 1).at("/id");
        String nextInLine = register(offeredEvent, member(cluster), 1).at("/id");
        api.as(secretariatOf(cluster)).post("/api/events/registrations/" + seatedRegistration + "/cancellation", null);
        assertThat(status(offered)).isEqualTo(Registration.Status.OFFERED);
        String confirmed = register(published(cluster, 10, 4), suspended, 1).at("/id");
        String pending = register(published(cluster, Map.of("registrationPolicy", "APPROVAL")), suspended, 1)
                .at("/id");

        publish(statusChanged(cluster, suspended, membershipId, 2, "SUSPENDED"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(status(waitlisted)).isEqualTo(Registration.Status.PENDING);
            assertThat(status(offered)).isEqualTo(Registration.Status.PENDING);
        });
        Registration wasOffered = mongo.findById(offered, Registration.class);
        assertThat(wasOffered.approvalReason()).isEqualTo("MEMBERSHIP_SUSPENDED");
        assertThat(wasOffered.offerExpiresAt()).isNull();
        assertThat(status(nextInLine)).as("the offer's seats passed on").isEqualTo(Registration.Status.OFFERED);
        assertThat(event(offeredEvent).seatsTaken()).isEqualTo(1);
        assertThat(status(confirmed)).isEqualTo(Registration.Status.CONFIRMED);
        assertThat(status(pending)).isEqualTo(Registration.Status.PENDING);
        assertThat(mongo.findById(pending, Registration.class).approvalReason()).isEqualTo("APPROVAL_POLICY");

        publish(statusChanged(cluster, suspended, membershipId, 2, "SUSPENDED"));
        publish(statusChanged(cluster, suspended, membershipId, 1, "SUSPENDED"));
        awaitQueueDrained(cluster);

        JsonNode backToApproval = published.awaitExactly(about(waitlisted), 2).getLast();
        assertThat(PublishedEvents.routingKey(backToApproval)).isEqualTo("events.registration.pending.v1");
        assertThat(backToApproval.get("approvalReason").asString()).isEqualTo("MEMBERSHIP_SUSPENDED");
        assertThat(backToApproval.get("version").asLong()).isEqualTo(2);
        assertThat(published.awaitExactly(about(offered), 3)).extracting(PublishedEvents::routingKey).containsExactly(
                "events.registration.waitlisted.v1", "events.registration.offered.v1",
                "events.registration.pending.v1");
        assertThat(published.awaitExactly(about(confirmed), 1)).hasSize(1);
        assertThat(published.awaitExactly(about(pending), 1)).hasSize(1);
    }

    @Test
    void aSuspensionOvertakenByTheReinstatementChangesNothing() throws Exception {
        String cluster = cluster();
        String reinstated = member(cluster);
        String membershipId = UUID.randomUUID().toString();
        String waitlisted = waitlistedFor(published(cluster, 1, 1), cluster, reinstated);

        publish(statusChanged(cluster, reinstated, membershipId, 3, "ACTIVE"));
        publish(statusChanged(cluster, reinstated, membershipId, 2, "SUSPENDED"));
        awaitQueueDrained(cluster);

        assertThat(status(waitlisted)).isEqualTo(Registration.Status.WAITLISTED);
        assertThat(published.awaitExactly(about(waitlisted), 1)).hasSize(1);
    }

    @Test
    void theQueueIsItsOwnQuorumQueueBoundToStatusChangesOnly() {
        assertThat(queue).isEqualTo("events-service.member-status");
        MembershipEvents.assertConsumerQueue(queue, MembershipStatusChanged.ROUTING_KEY);
    }

    /** The enterprise's registration, waitlisted behind another member holding the event's only seat. */
    private String waitlistedFor(String event, String cluster, String enterprise) {
        register(event, member(cluster), 1);
        String registration = register(event, enterprise, 1).at("/id");
        assertThat(status(registration)).isEqualTo(Registration.Status.WAITLISTED);
        return registration;
    }

    /**
     * Waits until everything published before has been handled: the suspension of a sentinel member behind it in the
     * same queue moves the sentinel's waitlisted registration.
     */
    private void awaitQueueDrained(String cluster) throws Exception {
        String sentinel = member(cluster);
        String registration = waitlistedFor(published(cluster, 1, 1), cluster, sentinel);
        publish(statusChanged(cluster, sentinel, UUID.randomUUID().toString(), 2, "SUSPENDED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(registration) == Registration.Status.PENDING);
    }

    private Registration.Status status(String registrationId) {
        return mongo.findById(registrationId, Registration.class).status();
    }

    private static String statusChanged(String cluster, String enterprise, String membershipId, long version,
                                        String status) {
        return EventFixtures.json(MembershipStatusChanged.ROUTING_KEY, Map.of("eventId", UUID.randomUUID().toString(),
                "clusterId", cluster, "enterpriseId", enterprise, "membershipId", membershipId, "version", version,
                "status", status, "previousStatus", "ACTIVE".equals(status) ? "SUSPENDED" : "ACTIVE",
                "change", "ACTIVE".equals(status) ? "REINSTATED" : status));
    }

    private void publish(String json) throws Exception {
        membershipEvents.publish(MembershipStatusChanged.ROUTING_KEY, json);
    }
}
