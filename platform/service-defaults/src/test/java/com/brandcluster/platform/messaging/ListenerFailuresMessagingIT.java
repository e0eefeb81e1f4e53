package com.brandcluster.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.platform.messaging.testapp.Deliveries;
import com.brandcluster.platform.messaging.testapp.MemberEventsListener;
import com.brandcluster.platform.messaging.testapp.MessagingTest;
import com.brandcluster.platform.messaging.testapp.TestEvents;
import com.brandcluster.platform.messaging.testapp.TestPublisher;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitManagement;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MessagingTest
class ListenerFailuresMessagingIT {

    private static final Duration DEAD_LETTERING = Duration.ofSeconds(30);

    private final RabbitManagement rabbit = RabbitExtension.management();
    private final List<RabbitManagement.ReceivedMessage> deadLettered = new CopyOnWriteArrayList<>();

    @Autowired
    TestPublisher publisher;

    @Autowired
    Deliveries deliveries;

    @Autowired
    MongoTemplate mongo;

    @Test
    void deadLettersMalformedJsonAtOnceWithoutRetrying() {
        String messageId = UUID.randomUUID().toString();

        publisher.publishRaw(MemberAdmitted.ROUTING_KEY, "{\"eventId\": \"" + messageId + "\", \"version\": ",
                messageId);

        RabbitManagement.ReceivedMessage message = awaitDeadLettered(messageId);
        assertRejectedOnce(message);
        assertThat(message.payload()).startsWith("{\"eventId\"");
    }

    @Test
    void deadLettersAnEventWithAnUnknownRoutingKeyAtOnceWithoutRetrying() {
        UUID eventId = UUID.randomUUID();
        String json = EventFixtures.json(MemberAdmitted.ROUTING_KEY, Map.of("eventId", eventId));

        publisher.publishRaw("membership.member.renamed.v9", json, eventId.toString());

        assertRejectedOnce(awaitDeadLettered(eventId.toString()));
        assertThat(deliveries.count(eventId)).isZero();
    }

    @Test
    void readsEventsTolerantlyIgnoringUnknownFields() {
        String membershipId = TestEvents.newId();
        UUID eventId = UUID.randomUUID();
        String json = EventFixtures.json(MemberAdmitted.ROUTING_KEY, Map.of("eventId", eventId,
                "membershipId", membershipId, "addedInALaterRelease", Map.of("any", "thing")));

        publisher.publishRaw(MemberAdmitted.ROUTING_KEY, json, eventId.toString());

        await().atMost(DEAD_LETTERING).until(() -> deliveries.count(eventId) == 1);
    }

    @Test
    void retriesAFailingListenerUpToTheDeliveryLimitThenDeadLettersItAndKeepsConsumingOthers() {
        MemberAdmitted poison = TestEvents.admitted(TestEvents.newId(), 1, MemberEventsListener.FAILING_PREFIX + "x");
        MemberAdmitted healthy = TestEvents.admitted(TestEvents.newId(), 1, "ent-healthy");

        publisher.publish(poison);
        publisher.publish(healthy);

        RabbitManagement.ReceivedMessage message = awaitDeadLettered(poison.eventId().toString());
        assertThat(firstDeath(message)).containsEntry("reason", "delivery_limit")
                .containsEntry("queue", MessagingTest.QUEUE);
        // RabbitMQ 3.x: the first delivery plus delivery-limit redeliveries
        assertThat(deliveries.count(poison.eventId())).isEqualTo(MessagingTest.DELIVERY_LIMIT + 1);
        await().atMost(DEAD_LETTERING).until(() -> deliveries.count(healthy.eventId()) == 1);
        await().atMost(DEAD_LETTERING).until(() -> mongo.exists(Query.query(Criteria.where("_id")
                .is(healthy.membershipId())), Document.class, MemberEventsListener.PROJECTION));
    }



    private RabbitManagement.ReceivedMessage awaitDeadLettered(String messageId) {
        return await().atMost(DEAD_LETTERING).until(() -> {
            deadLettered.addAll(rabbit.takeMessages(MessagingTest.DLQ, 100));
            return deadLettered.stream().filter(message -> messageId.equals(message.properties().get("message_id")))
                    .findFirst().orElse(null);
        }, message -> message != null);
    }

    private static void assertRejectedOnce(RabbitManagement.ReceivedMessage message) {
        assertThat(message.headers()).containsEntry("x-first-death-reason", "rejected");
        assertThat(firstDeath(message)).containsEntry("reason", "rejected").containsEntry("count", 1);
        assertThat(message.headers().get("x-delivery-count")).isIn(null, 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstDeath(RabbitManagement.ReceivedMessage message) {
        List<Map<String, Object>> deaths = (List<Map<String, Object>>) message.headers().get("x-death");
        assertThat(deaths).isNotEmpty();
        return deaths.get(deaths.size() - 1);
    }
}
