package com.brandcluster.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.brandcluster.contracts.Exchanges;
import com.brandcluster.contracts.membership.ApplicationSubmitted;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.platform.messaging.testapp.Deliveries;
import com.brandcluster.platform.messaging.testapp.MemberEventsListener;
import com.brandcluster.platform.messaging.testapp.MessagingTest;
import com.brandcluster.platform.messaging.testapp.TestEvents;
import com.brandcluster.platform.messaging.testapp.TestMembership;
import com.brandcluster.platform.messaging.testapp.TestMemberships;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitManagement;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MessagingTest
class OutboxMessagingIT {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    private final RabbitManagement rabbit = RabbitExtension.management();

    @Autowired
    TestMemberships memberships;

    @Autowired
    OutboxEvents outboxEvents;

    @Autowired
    OutboxRelay relay;

    @Autowired
    Deliveries deliveries;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Tracer tracer;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ConnectionFactory connectionFactory;

    @Test
    void watchesEveryDocumentCollectionThatCarriesAnOutbox() {
        assertThat(relay.collections()).containsExactly(TestMembership.COLLECTION);
    }

    @Test
    void anEntryPutBackToPendingByARacingSaveIsNotPublishedAgain() {
        relay.pause();
        TestMembership membership = new TestMembership(TestEvents.newId(), "ACTIVE");
        MemberAdmitted admitted = TestEvents.admitted(membership.id(), 1, "ent-" + membership.id());
        membership.outbox().add(outboxEvents.entryFor(admitted));
        memberships.save(membership);
        // an application request loads the aggregate while its event is still pending...
        TestMembership loadedBeforeTheRelayRan = memberships.findById(membership.id()).orElseThrow();
        relay.resume();
        await().atMost(DELIVERY).untilAsserted(() -> {
            assertThat(deliveries.count(admitted.eventId())).isEqualTo(1);
            assertThat(entry(membership.id(), admitted.eventId()).sentAt()).isNotNull();
        });

        // ...and saves it after the relay marked the entry sent: the whole document, the entry pending again
        loadedBeforeTheRelayRan.status("SUSPENDED");
        memberships.save(loadedBeforeTheRelayRan);
        assertThat(entry(membership.id(), admitted.eventId()).sentAt()).isNull();
        relay.relayNow();

        assertThat(entry(membership.id(), admitted.eventId()).sentAt()).isNotNull();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(deliveries.count(admitted.eventId())).isEqualTo(1));
    }

    @Test
    void publishesAnEventSavedWithItsAggregateOnceAndMarksItSent() {
        TestMembership membership = new TestMembership(TestEvents.newId(), "ACTIVE");
        MemberAdmitted admitted = TestEvents.admitted(membership.id(), 1, "ent-" + membership.id());
        membership.outbox().add(outboxEvents.entryFor(admitted));

        memberships.save(membership);

        await().atMost(DELIVERY).untilAsserted(() -> {
            assertThat(deliveries.count(admitted.eventId())).isEqualTo(1);
            assertThat(entry(membership.id(), admitted.eventId()).sentAt()).isNotNull();
            assertThat(projectionStatus(membership.id())).isEqualTo("ACTIVE");
        });
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> deliveries.count(admitted.eventId()) == 1);
        assertThat(deliveries.of(admitted.eventId()).get(0).type()).isEqualTo(MemberAdmitted.class);
    }

    @Test
    void publishesTheEventsOfOneAggregateInTheOrderTheyWereWritten() throws Exception {
        TestMembership membership = new TestMembership(TestEvents.newId(), "ACTIVE");
        for (int version = 1; version <= 300; version++) {
            membership.outbox().add(outboxEvents.entryFor(TestEvents.statusChanged(membership.id(), version,
                    version % 2 == 0 ? "ACTIVE" : "SUSPENDED")));
        }
        try (Connection connection = RabbitExtension.info().connectionFactory().newConnection();
             Channel channel = connection.createChannel()) {
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, Exchanges.MEMBERSHIP, MembershipStatusChanged.ROUTING_KEY);
            relay.pause();
            try {
                memberships.save(membership);
                relay.relayNow();
            }
            finally {
                relay.resume();
            }

            List<Long> versions = new ArrayList<>();
            await().atMost(DELIVERY).untilAsserted(() -> {
                GetResponse response;
                while ((response = channel.basicGet(queue, true)) != null) {
                    Document event = Document.parse(new String(response.getBody(), StandardCharsets.UTF_8));
                    if (membership.id().equals(event.getString("membershipId"))) {
                        versions.add(((Number) event.get("version")).longValue());
                    }
                }
                assertThat(versions).hasSize(300);
            });
            assertThat(versions).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void continuesTheTraceOfTheSavingThreadThroughTheRelayIntoTheConsumer() {
        TestMembership membership = new TestMembership(TestEvents.newId(), "ACTIVE");
        MemberAdmitted admitted = TestEvents.admitted(membership.id(), 1, "ent-" + membership.id());
        Span request = tracer.nextSpan().name("approve application").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            membership.outbox().add(outboxEvents.entryFor(admitted));
            memberships.save(membership);
        }
        finally {
            request.end();
        }

        assertThat(membership.outbox().get(0).traceparent()).contains(request.context().traceId());
        await().atMost(DELIVERY).until(() -> deliveries.count(admitted.eventId()) == 1);
        assertThat(deliveries.of(admitted.eventId()).get(0).traceId()).isEqualTo(request.context().traceId());
    }

    @Test
    void keepsAnUnroutableEventPendingAndPublishesItOnceAQueueIsBoundForIt() throws Exception {
        TestMembership membership = new TestMembership(TestEvents.newId(), "ACTIVE");
        ApplicationSubmitted submitted = TestEvents.submitted(membership.id());
        membership.outbox().add(outboxEvents.entryFor(submitted));
        double refusedBefore = refused();

        memberships.save(membership);

        await().atMost(DELIVERY).until(() -> refused() > refusedBefore);
        assertThat(entry(membership.id(), submitted.eventId()).sentAt()).isNull();

        String queue = "messaging-test.applications-" + UUID.randomUUID();
        String vhost = RabbitManagement.enc(rabbit.virtualHost());
        try {
            try (Connection connection = RabbitExtension.info().connectionFactory().newConnection();
                 Channel channel = connection.createChannel()) {
                channel.queueDeclare(queue, false, false, false, null);
                channel.queueBind(queue, Exchanges.MEMBERSHIP, ApplicationSubmitted.ROUTING_KEY);
            }

            await().atMost(DELIVERY).untilAsserted(() ->
                    assertThat(entry(membership.id(), submitted.eventId()).sentAt()).isNotNull());
            List<RabbitManagement.ReceivedMessage> received = rabbit.takeMessages(queue, 10);
            assertThat(received).singleElement().satisfies(message -> {
                assertThat(message.routingKey()).isEqualTo(ApplicationSubmitted.ROUTING_KEY);
                assertThat(message.properties()).containsEntry("message_id", submitted.eventId().toString());
                assertThat(message.payload()).contains(submitted.applicationId());
            });
        }
        finally {
            rabbit.delete("/api/queues/" + vhost + "/" + RabbitManagement.enc(queue));
        }
    }

    @Test
    void keepsEventsPendingWhilePausedAndPublishesThemOnResume() {
        TestMembership membership = new TestMembership(TestEvents.newId(), "ACTIVE");
        MemberAdmitted admitted = TestEvents.admitted(membership.id(), 1, "ent-" + membership.id());
        membership.outbox().add(outboxEvents.entryFor(admitted));
        relay.pause();
        try {
            memberships.save(membership);

            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                    deliveries.count(admitted.eventId()) == 0 && entry(membership.id(), admitted.eventId()).pending());
            assertThat(relay.pendingDocuments()).isPositive();
        }
        finally {
            relay.resume();
        }
        await().atMost(DELIVERY).until(() -> deliveries.count(admitted.eventId()) == 1);
    }

    /**
     * {@code brandcluster.outbox.enabled=false} starts the relay paused: a change committed then stays in the outbox
     * (a service killed now loses nothing), and a relay that starts enabled later (or is resumed) publishes it once.
     */
    @Test
    void aRelayStartedDisabledPublishesNothingUntilItIsEnabledThenOnce() {
        OutboxProperties disabled = new Binder(new MapConfigurationPropertySource(Map.of(
                "brandcluster.outbox.enabled", "false", "brandcluster.outbox.poll-interval", "100ms")))
                .bindOrCreate("brandcluster.outbox", OutboxProperties.class);
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        template.setMandatory(true);
        template.setUsePublisherConnection(true);
        OutboxRelay startedDisabled = new OutboxRelay(mongo, template, disabled, Set.of(TestMembership.COLLECTION),
                null, null, Clock.systemUTC());
        TestMembership membership = new TestMembership(TestEvents.newId(), "ACTIVE");
        MemberAdmitted admitted = TestEvents.admitted(membership.id(), 1, "ent-" + membership.id());
        membership.outbox().add(outboxEvents.entryFor(admitted));
        relay.pause(); // the test service's own relay stays out of it
        startedDisabled.start();
        try {
            assertThat(startedDisabled.isPaused()).isTrue();
            memberships.save(membership);
            startedDisabled.wakeUp();

            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                    deliveries.count(admitted.eventId()) == 0 && entry(membership.id(), admitted.eventId()).pending());

            startedDisabled.resume();
            await().atMost(DELIVERY).until(() -> deliveries.count(admitted.eventId()) == 1
                    && !entry(membership.id(), admitted.eventId()).pending());
        }
        finally {
            startedDisabled.stop();
            relay.resume();
        }
        relay.relayNow();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                deliveries.count(admitted.eventId()) == 1);
    }

    @Test
    void prunesSentEntriesOlderThanTheRetentionAndNothingElse() {
        String id = TestEvents.newId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OutboxEntry old = sentEntry(id, now.minus(Duration.ofDays(8)));
        OutboxEntry recent = sentEntry(id, now.minus(Duration.ofHours(1)));
        relay.pause();
        try {
            TestMembership membership = new TestMembership(id, "ACTIVE");
            OutboxEntry pending = outboxEvents.entryFor(TestEvents.admitted(id, 2, "ent-" + id));
            membership.outbox().addAll(List.of(old, recent, pending));
            memberships.save(membership);

            assertThat(relay.pruneNow()).isEqualTo(1);

            assertThat(memberships.findById(id).orElseThrow().outbox()).extracting(OutboxEntry::eventId)
                    .containsExactly(recent.eventId(), pending.eventId());
            assertThat(relay.pruneNow()).isZero();
        }
        finally {
            relay.resume();
        }
    }

    @Test
    void relaysRawDocumentsWhateverShapeTheirOutboxHas() {
        await().atMost(DELIVERY).until(() -> relay.pendingDocuments() == 0);
        relay.pause();
        try {
            String noOutbox = TestEvents.newId();
            String emptyOutbox = TestEvents.newId();
            String explicitNull = TestEvents.newId();
            String duplicated = TestEvents.newId();
            OutboxEntry first = outboxEvents.entryFor(TestEvents.admitted(explicitNull, 1, "ent-a"));
            OutboxEntry twice = outboxEvents.entryFor(TestEvents.admitted(duplicated, 1, "ent-b"));
            mongo.insert(new Document("_id", noOutbox).append("status", "ACTIVE"), TestMembership.COLLECTION);
            mongo.insert(new Document("_id", emptyOutbox).append("outbox", List.of()), TestMembership.COLLECTION);
            mongo.insert(new Document("_id", explicitNull).append("outbox", List.of(raw(first).append("sentAt", null))),
                    TestMembership.COLLECTION);
            mongo.insert(new Document("_id", duplicated).append("outbox", List.of(raw(twice), raw(twice))),
                    TestMembership.COLLECTION);

            assertThat(relay.relayNow()).isEqualTo(2);

            assertThat(memberships.findById(explicitNull).orElseThrow().outbox()).allMatch(e -> !e.pending());
            assertThat(memberships.findById(duplicated).orElseThrow().outbox()).allMatch(e -> !e.pending());
            assertThat(relay.relayNow()).isZero();
            await().atMost(DELIVERY).until(() -> deliveries.count(first.eventId()) == 1
                    && deliveries.count(twice.eventId()) == 1);
        }
        finally {
            relay.resume();
        }
    }

    private OutboxEntry entry(String membershipId, UUID eventId) {
        return memberships.findById(membershipId).orElseThrow().outbox().stream()
                .filter(entry -> entry.eventId().equals(eventId)).findFirst().orElseThrow();
    }

    private String projectionStatus(String membershipId) {
        Document projection = mongo.findOne(Query.query(Criteria.where("_id").is(membershipId)), Document.class,
                MemberEventsListener.PROJECTION);
        return projection == null ? null : projection.getString("status");
    }

    private double refused() {
        var counter = meters.find("brandcluster.outbox.refused").counter();
        return counter == null ? 0 : counter.count();
    }

    private OutboxEntry sentEntry(String membershipId, Instant sentAt) {
        OutboxEntry entry = outboxEvents.entryFor(TestEvents.admitted(membershipId, 1, "ent-" + membershipId));
        return new OutboxEntry(entry.eventId(), entry.exchange(), entry.routingKey(), entry.payload(),
                entry.occurredAt(), entry.traceparent(), sentAt);
    }

    private Document raw(OutboxEntry entry) {
        return new Document("eventId", entry.eventId()).append("exchange", entry.exchange())
                .append("routingKey", entry.routingKey()).append("payload", entry.payload())
                .append("occurredAt", java.util.Date.from(entry.occurredAt()));
    }
}
