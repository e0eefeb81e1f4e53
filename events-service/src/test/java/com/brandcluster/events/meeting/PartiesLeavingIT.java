package com.brandcluster.events.meeting;

import com.brandcluster.contracts.Exchanges;
import com.brandcluster.contracts.events.RegistrationCancelled;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.brandcluster.events.PublishedEvents.routingKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An enterprise that no longer holds a confirmed registration for the event leaves its meetings there, through this
 * service's own {@code events.registration.cancelled.v1} on RabbitMQ.
 */
class PartiesLeavingIT extends MeetingsIntegrationTest {

    @Value("${brandcluster.events.meetings.queue}")
    String queue;

    @Test
    void anEnterpriseCancellingItsRegistrationCallsOffItsMeetingsAndFreesTheirSlots() {
        Matchmaking m = matchmaking(3, 2, 1);
        String leaving = m.enterprise(0);
        String accepted = accepted(m, leaving, m.enterprise(1), m.slot(0));
        String requested = requested(m, m.enterprise(2), leaving, m.slot(1));
        String others = requested(m, m.enterprise(1), m.enterprise(2), m.slot(1));

        cancelRegistrationOf(m, leaving);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(stored(accepted).status()).isEqualTo(Meeting.Status.CANCELLED);
            assertThat(stored(requested).status()).isEqualTo(Meeting.Status.CANCELLED);
        });
        assertThat(stored(accepted).cancelledBy()).isEqualTo(Meeting.CancelledBy.REGISTRATION_CANCELLED);
        assertThat(stored(others).status()).isEqualTo(Meeting.Status.REQUESTED);
        assertThat(claimsOf(m.eventId())).isEmpty();
        JsonNode event = published.awaitExactly(MeetingApiIT.aboutMeeting(accepted), 3).getLast();
        assertThat(routingKey(event)).isEqualTo("events.meeting.cancelled.v1");
        assertThat(event.get("cancelledBy").asString()).isEqualTo("REGISTRATION_CANCELLED");
        assertThat(event.get("previousState").asString()).isEqualTo("ACCEPTED");
        assertThat(event.get("reason").asString()).isEqualTo("The enterprise no longer takes part in the event.");
        assertThat(accepted(m, m.enterprise(2), m.enterprise(1), m.slot(0))).isNotNull();
    }

    @Test
    void anEnterpriseKeepingAnotherConfirmedRegistrationKeepsItsMeetings() {
        String cluster = cluster();
        String event = published(cluster, 20, 2);
        String twice = member(cluster);
        String partner = member(cluster);
        String sentinel = member(cluster);
        String firstRegistration = register(event, twice, 1).at("/id");
        register(event, twice, 1);
        register(event, partner, 1);
        register(event, sentinel, 1);
        Matchmaking m = withPlan(cluster, event, List.of(twice, partner, sentinel), 2, 2);
        String kept = accepted(m, twice, partner, m.slot(0));
        String sentinelMeeting = requested(m, sentinel, partner, m.slot(1));

        api.as(enterpriseUser(twice)).post("/api/events/registrations/" + firstRegistration + "/cancellation", null);
        cancelRegistrationOf(m, sentinel);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                stored(sentinelMeeting).status() == Meeting.Status.CANCELLED);
        assertThat(stored(kept).status()).isEqualTo(Meeting.Status.ACCEPTED);
    }

    @Test
    void aCancelledEventsMeetingsAreCalledOffWithItsReason() {
        Matchmaking m = matchmaking(2, 1, 1);
        String meeting = accepted(m, m.enterprise(0), m.enterprise(1), m.slot(0));

        api.as(secretariatOf(m.clusterId())).post("/api/events/events/" + m.eventId() + "/cancellation",
                Map.of("reason", "Typhoon warning"));

        await().atMost(Duration.ofSeconds(20)).until(() -> stored(meeting).status() == Meeting.Status.CANCELLED);
        assertThat(stored(meeting).cancelledBy()).isEqualTo(Meeting.CancelledBy.EVENT_CANCELLED);
        assertThat(stored(meeting).lastReason()).isEqualTo("Typhoon warning");
        ApiClient.Response tooLate = request(m, m.enterprise(0), m.enterprise(1), m.slot(0));
        assertProblem(tooLate, 409, "event-state");
        assertThat(tooLate.at("/currentState")).isEqualTo("CANCELLED");
        assertThat(claimsOf(m.eventId())).isEmpty();
        assertThat(published.awaitExactly(MeetingApiIT.aboutMeeting(meeting), 3)).extracting(e -> routingKey(e))
                .last().isEqualTo("events.meeting.cancelled.v1");
    }

    @Test
    void theQueueIsItsOwnQuorumQueueBoundToCancelledRegistrationsOnly() {
        assertThat(queue).isEqualTo("events-service.meetings");
        RabbitManagement management = RabbitExtension.management();
        assertThat(management.queue(queue)).hasValueSatisfying(q -> {
            assertThat(q.type()).isEqualTo("quorum");
            assertThat(q.durable()).isTrue();
        });
        assertThat(management.queueExists(queue + ".dlq")).isTrue();
        assertThat(management.bindings(queue)).filteredOn(b -> b.source().equals(Exchanges.EVENTS))
                .extracting(RabbitManagement.Binding::routingKey).containsExactly(RegistrationCancelled.ROUTING_KEY);
    }

    private void cancelRegistrationOf(Matchmaking m, String enterprise) {
        String user = enterpriseUser(enterprise);
        String registration = ids(api.as(user).get("/api/events/events/" + m.eventId() + "/registrations"))
                .getFirst();
        assertThat(api.as(user).post("/api/events/registrations/" + registration
                + "/cancellation", null).status()).isEqualTo(200);
    }
}
