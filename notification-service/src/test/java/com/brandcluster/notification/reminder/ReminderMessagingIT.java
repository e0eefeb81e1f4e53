package com.brandcluster.notification.reminder;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.Exchanges;
import com.brandcluster.contracts.events.EventUpdated;
import com.brandcluster.contracts.events.RegistrationConfirmed;
import com.brandcluster.contracts.membership.ConventionBallotClosingSoon;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.contracts.salons.ConsultationConfirmed;
import com.brandcluster.contracts.salons.ConsultationReminder;
import com.brandcluster.contracts.salons.ConsultationRescheduled;
import com.brandcluster.contracts.salons.SalonRegistrationConfirmed;
import com.brandcluster.notification.inbox.Audience;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitManagement;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reminders' own queues on RabbitMQ, fed with the shared fixtures as the producers publish them: each event is
 * scheduled from, a repeated one changes nothing, and the ballot closing soon is notified on arrival.
 */
class ReminderMessagingIT extends ReminderIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Connection connection;
    private Channel channel;

    @BeforeEach
    void connect() throws Exception {
        connection = RabbitExtension.info().connectionFactory().newConnection();
        channel = connection.createChannel();
    }

    @AfterEach
    void disconnect() throws Exception {
        connection.close();
    }

    @Test
    void aConsultationConfirmedAndRescheduledOverRabbitIsRemindedOfItsNewStartOnly() throws Exception {
        String consultation = newId("consultation");
        Instant start = NOW.plus(Duration.ofDays(3));
        Instant moved = NOW.plus(Duration.ofDays(4));
        String confirmed = EventFixtures.json(ConsultationConfirmed.ROUTING_KEY, Map.of("eventId", uuid(),
                "consultationId", consultation, "version", 2, "startsAt", start.toString()));
        publish(Exchanges.SALONS, ConsultationConfirmed.ROUTING_KEY, confirmed);
        String dayBefore = "reminder:consultation:" + consultation + ":" + start + ":PT24H";
        await().atMost(WAIT).until(() -> reminder(dayBefore) != null);

        publish(Exchanges.SALONS, ConsultationRescheduled.ROUTING_KEY, EventFixtures.json(
                ConsultationRescheduled.ROUTING_KEY, Map.of("eventId", uuid(), "consultationId", consultation,
                        "version", 3, "startsAt", moved.toString(), "state", "CONFIRMED")));
        publish(Exchanges.SALONS, ConsultationConfirmed.ROUTING_KEY, confirmed);
        String movedDayBefore = "reminder:consultation:" + consultation + ":" + moved + ":PT24H";
        await().atMost(WAIT).until(() -> reminder(movedDayBefore) != null);
        awaitHandledBefore(Exchanges.SALONS, ConsultationConfirmed.ROUTING_KEY);

        assertThat(reminder(dayBefore).state()).isEqualTo(Reminder.State.DROPPED);
        assertThat(roundAt(moved.minus(Duration.ofHours(24)))).isEqualTo(1);
        assertThat(notifier.aboutSubject(consultation)).extracting(request -> request.sourceId())
                .containsOnly(movedDayBefore);
    }

    @Test
    void registrationsAndMembershipsOverRabbitAreScheduled() throws Exception {
        String salonRegistration = newId("registration");
        String eventRegistration = newId("registration");
        String membership = newId("membership");
        Instant salonStart = NOW.plus(Duration.ofDays(10));
        Instant eventStart = NOW.plus(Duration.ofDays(12));

        publish(Exchanges.SALONS, SalonRegistrationConfirmed.ROUTING_KEY, EventFixtures.json(
                SalonRegistrationConfirmed.ROUTING_KEY, Map.of("eventId", uuid(), "registrationId", salonRegistration,
                        "startsAt", salonStart.toString())));
        publish(Exchanges.EVENTS, RegistrationConfirmed.ROUTING_KEY, EventFixtures.json(
                RegistrationConfirmed.ROUTING_KEY, Map.of("eventId", uuid(), "registrationId", eventRegistration,
                        "exchangeEventId", newId("event"), "startsAt", eventStart.toString())));
        publish(Exchanges.MEMBERSHIP, MemberAdmitted.ROUTING_KEY, EventFixtures.json(MemberAdmitted.ROUTING_KEY,
                Map.of("eventId", uuid(), "membershipId", membership, "validUntil", "2027-03-17")));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(reminder("reminder:salon:" + salonRegistration + ":" + salonStart + ":PT1H")).isNotNull();
            assertThat(reminder("reminder:event:" + eventRegistration + ":" + eventStart + ":PT1H")).isNotNull();
            assertThat(reminder("reminder:membership:" + membership + ":2027-03-17T16:00:00Z:PT720H"))
                    .isNotNull();
        });
    }

    @Test
    void aBallotClosingSoonOverRabbitRemindsTheEnterprisesThatHaveNotVoted() throws Exception {
        String eventId = uuid();

        publish(Exchanges.MEMBERSHIP, ConventionBallotClosingSoon.ROUTING_KEY,
                EventFixtures.json(ConventionBallotClosingSoon.ROUTING_KEY, Map.of("eventId", eventId)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(notifier.audiencesOf(eventId)).containsExactly(
                new Audience.Enterprise("ent-foshan-lighting"), new Audience.Enterprise("ent-nvc-lighting")));
    }

    @Test
    void theQueuesAreTheServicesOwnQuorumQueuesBoundToWhatTheyHandleAndNotToProducersReminders() {
        assertQueue(ReminderEvents.SALONS_QUEUE, Exchanges.SALONS, "salons.consultation.booked.v1",
                "salons.consultation.confirmed.v1", "salons.consultation.rescheduled.v1",
                "salons.consultation.cancelled.v1", "salons.consultation.completed.v1",
                "salons.consultation.no-show.v1", "salons.registration.confirmed.v1",
                "salons.registration.cancelled.v1");
        assertQueue(ReminderEvents.EVENTS_QUEUE, Exchanges.EVENTS, "events.registration.confirmed.v1",
                "events.registration.cancelled.v1", EventUpdated.ROUTING_KEY, "events.event.cancelled.v1");
        assertQueue(ReminderEvents.MEMBERSHIP_QUEUE, Exchanges.MEMBERSHIP, MemberAdmitted.ROUTING_KEY,
                MembershipStatusChanged.ROUTING_KEY, "membership.member.snapshot.v1",
                ConventionBallotClosingSoon.ROUTING_KEY);
        assertThat(RabbitExtension.management().bindings(ReminderEvents.SALONS_QUEUE))
                .extracting(RabbitManagement.Binding::routingKey).doesNotContain(ConsultationReminder.ROUTING_KEY);
    }

    private static void assertQueue(String queue, String exchange, String... routingKeys) {
        RabbitManagement management = RabbitExtension.management();
        assertThat(management.queue(queue)).hasValueSatisfying(q -> {
            assertThat(q.type()).isEqualTo("quorum");
            assertThat(q.durable()).isTrue();
        });
        assertThat(management.queueExists(queue + ".dlq")).isTrue();
        assertThat(management.bindings(queue)).filteredOn(b -> b.source().equals(exchange))
                .extracting(RabbitManagement.Binding::routingKey).containsExactlyInAnyOrder(routingKeys);
    }

    /**
     * Waits until everything published to the queue before was handled: a sentinel consultation published behind it
     * (the queue is consumed in order) gets its reminders.
     */
    private void awaitHandledBefore(String exchange, String routingKey) throws IOException {
        String sentinel = newId("sentinel");
        Instant start = NOW.plus(Duration.ofDays(30));
        publish(exchange, routingKey, EventFixtures.json(routingKey, Map.of("eventId", uuid(),
                "consultationId", sentinel, "startsAt", start.toString())));
        await().atMost(WAIT).until(() -> reminder("reminder:consultation:" + sentinel + ":" + start + ":PT1H") != null);
    }

    private void publish(String exchange, String routingKey, String json) throws IOException {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                .deliveryMode(2).messageId(UUID.randomUUID().toString()).build();
        channel.basicPublish(exchange, routingKey, true, properties, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }
}
