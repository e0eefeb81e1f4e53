package com.brandcluster.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.Exchanges;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.platform.messaging.testapp.ConsumerFaults;
import com.brandcluster.platform.messaging.testapp.Deliveries;
import com.brandcluster.platform.messaging.testapp.MessagingTest;
import com.brandcluster.platform.messaging.testapp.TestEvents;
import com.brandcluster.platform.messaging.testapp.TestPublisher;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitManagement;
import com.brandcluster.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison messages end in the DLQ after bounded retries (or at once when they cannot be read), the consumer goes on
 * with the others, nothing loops; operators list, inspect, replay and discard them at {@code /actuator/deadletters}
 * (alliance administrators only), and a replayed event is applied once however often it is replayed.
 */
@MessagingTest
class DeadLettersEndpointIT {

    private static final String ENDPOINT = "/actuator/deadletters";
    private static final String QUEUE_PATH = ENDPOINT + "/" + MessagingTest.QUEUE;
    private static final Duration SETTLING = Duration.ofSeconds(30);
    /** Deliveries of a message whose listener always fails: the first, then delivery-limit redeliveries. */
    private static final int ATTEMPTS = MessagingTest.DELIVERY_LIMIT + 1;

    private final RabbitManagement rabbit = RabbitExtension.management();

    @LocalServerPort
    int port;

    @Autowired
    TestPublisher publisher;

    @Autowired
    Deliveries deliveries;

    @Autowired
    ConsumerFaults faults;

    ApiClient operator;

    @BeforeEach
    void setUp() {
        operator = new ApiClient("http://127.0.0.1:" + port)
                .as(TestTokens.user("admin-" + UUID.randomUUID()).roles(Roles.ALLIANCE_ADMIN).issue());
    }

    @Test
    void deadLettersAMessageWithoutEventIdAtOnceAndConsumesTheNextOne() {
        String marker = UUID.randomUUID().toString();
        var withoutId = EventFixtures.node(MemberAdmitted.ROUTING_KEY);
        withoutId.remove("eventId");
        MemberAdmitted next = TestEvents.admitted(TestEvents.newId(), 1, "ent-next");

        publisher.publishRaw(MemberAdmitted.ROUTING_KEY, withoutId.toString(), marker);
        publisher.publish(next);

        JsonNode deadLetter = awaitDeadLetter(marker);
        assertThat(deadLetter.get("reason").asString()).isEqualTo("rejected");
        assertThat(deadLetter.get("deadLettered").asLong()).isEqualTo(1);
        await().atMost(SETTLING).until(() -> deliveries.appliedCount(next.eventId()) == 1);
    }

    @Test
    void deadLettersAnAlwaysFailingEventAfterExactlyTheConfiguredAttemptsAndNothingLoops() {
        MemberAdmitted poison = TestEvents.admitted(TestEvents.newId(), 1, "ent-" + UUID.randomUUID());
        MemberAdmitted next = TestEvents.admitted(TestEvents.newId(), 1, "ent-next");
        faults.breakFor(poison.enterpriseId());
        try {
            publisher.publish(poison);
            publisher.publish(next);

            JsonNode deadLetter = awaitDeadLetter(poison.eventId().toString());
            assertThat(deadLetter.get("reason").asString()).isEqualTo("delivery_limit");
            assertThat(deliveries.count(poison.eventId())).isEqualTo(ATTEMPTS);
            await().atMost(SETTLING).until(() -> deliveries.appliedCount(next.eventId()) == 1);
            // idle: the consumer queue is empty and the poison stays where it is
            await().atMost(SETTLING).until(() -> rabbit.messageCount(MessagingTest.QUEUE) == 0);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    deliveries.count(poison.eventId()) == ATTEMPTS && deliveries.appliedCount(poison.eventId()) == 0);
            assertThat(findDeadLetter(poison.eventId().toString())).isNotNull();
        }
        finally {
            faults.repair(poison.enterpriseId());
        }
    }

    @Test
    void listsTheDeadLetterQueueOfEveryConsumerQueueWithItsCount() {
        String marker = UUID.randomUUID().toString();
        publisher.publishRaw(MemberAdmitted.ROUTING_KEY, "not json", marker);
        awaitDeadLetter(marker);

        ApiClient.Response list = operator.get(ENDPOINT);

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get("queues")).hasSize(1);
        assertThat(list.at("/queues/0/queue")).isEqualTo(MessagingTest.QUEUE);
        assertThat(list.at("/queues/0/deadLetterQueue")).isEqualTo(MessagingTest.DLQ);
        assertThat(Long.parseLong(list.at("/queues/0/messages"))).isEqualTo(rabbit.messageCount(MessagingTest.DLQ))
                .isPositive();
    }

    @Test
    void inspectsDeadLettersWithoutRemovingThemAndCapsThePayload() {
        String marker = UUID.randomUUID().toString();
        String malformed = "{\"eventId\": \"" + marker + "\", \"note\": \"" + "x".repeat(5_000);
        publisher.publishRaw(MemberAdmitted.ROUTING_KEY, malformed, marker);
        awaitDeadLetter(marker);
        long before = rabbit.messageCount(MessagingTest.DLQ);

        JsonNode deadLetter = findDeadLetter(marker);
        JsonNode again = findDeadLetter(marker);

        assertThat(again).as("still there after being inspected").isNotNull();
        assertThat(rabbit.messageCount(MessagingTest.DLQ)).isEqualTo(before);
        assertThat(deadLetter.get("routingKey").asString()).isEqualTo(MemberAdmitted.ROUTING_KEY);
        assertThat(deadLetter.get("exchange").asString()).isEqualTo(Exchanges.MEMBERSHIP);
        assertThat(deadLetter.get("reason").asString()).isEqualTo("rejected");
        assertThat(deadLetter.get("headers").get("x-death").get(0).get("queue").asString())
                .isEqualTo(MessagingTest.QUEUE);
        assertThat(deadLetter.get("payloadBytes").asInt()).isEqualTo(malformed.getBytes(StandardCharsets.UTF_8).length);
        assertThat(deadLetter.get("payloadTruncated").asBoolean()).isTrue();
        assertThat(deadLetter.get("payload").asString()).hasSize(DeadLetters.PREVIEW_CHARS).startsWith("{\"eventId\"");
        ApiClient.Response limited = operator.get(QUEUE_PATH + "?limit=1");
        assertThat(limited.status()).as(limited.toString()).isEqualTo(200);
        assertThat(limited.json().get("shown")).hasSize(1);
    }

    @Test
    void replaysAFixedEventToItsQueueOnlyAndAppliesItOnceHoweverOftenItIsReplayed() {
        MemberAdmitted event = TestEvents.admitted(TestEvents.newId(), 1, "ent-" + UUID.randomUUID());
        String eventId = event.eventId().toString();
        faults.breakFor(event.enterpriseId());
        publisher.publish(event);
        publisher.publish(event); // delivered twice by the broker (at-least-once): two copies end in the DLQ
        await().atMost(SETTLING).until(() -> countDeadLetters(eventId) == 2);
        assertThat(deliveries.count(event.eventId())).isEqualTo(2 * ATTEMPTS);
        faults.repair(event.enterpriseId());

        ApiClient.Response first = operator.post(QUEUE_PATH, Map.of("eventId", eventId));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.at("/action")).isEqualTo("replay");
        assertThat(first.at("/messages")).isEqualTo("1");
        await().atMost(SETTLING).until(() -> deliveries.appliedCount(event.eventId()) == 1);
        assertThat(countDeadLetters(eventId)).isEqualTo(1);

        ApiClient.Response second = operator.post(QUEUE_PATH, Map.of("eventId", eventId));

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        await().atMost(SETTLING).until(() -> deliveries.count(event.eventId()) == 2 * ATTEMPTS + 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                deliveries.appliedCount(event.eventId()) == 1 && deliveries.count(event.eventId()) == 2 * ATTEMPTS + 2);
        assertThat(deliveries.of(event.eventId()).getLast().type()).isEqualTo(MemberAdmitted.class);
        ApiClient.Response none = operator.post(QUEUE_PATH, Map.of("eventId", eventId));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/");
        assertThat(none.at("/type")).isEqualTo("urn:brandcluster:problem:not-found");
    }

    @Test
    void replaysEveryDeadLetterOnRequest() {
        String enterpriseId = "ent-" + UUID.randomUUID();
        MemberAdmitted one = TestEvents.admitted(TestEvents.newId(), 1, enterpriseId);
        MemberAdmitted two = TestEvents.admitted(TestEvents.newId(), 1, enterpriseId);
        faults.breakFor(enterpriseId);
        publisher.publish(one);
        publisher.publish(two);
        awaitDeadLetter(one.eventId().toString());
        awaitDeadLetter(two.eventId().toString());
        faults.repair(enterpriseId);

        ApiClient.Response replayed = operator.post(QUEUE_PATH, Map.of("all", true));

        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        assertThat(Integer.parseInt(replayed.at("/messages"))).isGreaterThanOrEqualTo(2);
        await().atMost(SETTLING).until(() -> deliveries.appliedCount(one.eventId()) == 1
                && deliveries.appliedCount(two.eventId()) == 1);
    }

    @Test
    void discardsOneDeadLetterByEventIdOrAllOfThem() {
        String one = UUID.randomUUID().toString();
        String two = UUID.randomUUID().toString();
        publisher.publishRaw(MemberAdmitted.ROUTING_KEY, "{", one);
        publisher.publishRaw(MemberAdmitted.ROUTING_KEY, "{", two);
        awaitDeadLetter(one);
        awaitDeadLetter(two);

        ApiClient.Response discarded = operator.delete(QUEUE_PATH + "?eventId=" + one);

        assertThat(discarded.status()).as(discarded.toString()).isEqualTo(200);
        assertThat(discarded.at("/action")).isEqualTo("discard");
        assertThat(discarded.at("/messages")).isEqualTo("1");
        assertThat(findDeadLetter(one)).isNull();
        assertThat(findDeadLetter(two)).isNotNull();
        assertThat(operator.delete(QUEUE_PATH + "?eventId=" + one).status()).isEqualTo(404);

        ApiClient.Response all = operator.delete(QUEUE_PATH + "?all=true");

        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(Integer.parseInt(all.at("/messages"))).isPositive();
        assertThat(findDeadLetter(two)).isNull();
    }

    @Test
    void answersProblemsForAnUnknownQueueAndAnUnclearSelection() {
        ApiClient.Response unknown = operator.get(ENDPOINT + "/other-service.members");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.at("/type")).isEqualTo("urn:brandcluster:problem:not-found");
        assertThat(operator.post(ENDPOINT + "/other-service.members", Map.of("all", true)).status()).isEqualTo(404);

        for (Object body : new Object[] {Map.of(), Map.of("all", true, "eventId", UUID.randomUUID().toString()),
                Map.of("all", false)}) {
            ApiClient.Response unclear = operator.post(QUEUE_PATH, body);
            assertThat(unclear.status()).as(unclear.toString()).isEqualTo(400);
            assertThat(unclear.at("/type")).isEqualTo("urn:brandcluster:problem:bad-request");
        }
        assertThat(operator.delete(QUEUE_PATH).status()).isEqualTo(400);
        assertThat(operator.get(QUEUE_PATH + "?limit=0").status()).isEqualTo(400);
        assertThat(operator.get(QUEUE_PATH + "?limit=" + (DeadLetters.MAX_SHOWN + 1)).status()).isEqualTo(400);
    }

    @Test
    void onlyAllianceAdministratorsListInspectReplayOrDiscard() {
        String marker = UUID.randomUUID().toString();
        publisher.publishRaw(MemberAdmitted.ROUTING_KEY, "{", marker);
        awaitDeadLetter(marker);
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        String secretariat = TestTokens.user("sec-" + UUID.randomUUID()).roles(Roles.SECRETARIAT)
                .secretariatOf("lighting").issue();
        String enterprise = TestTokens.user("user-" + UUID.randomUUID()).roles(Roles.ENTERPRISE)
                .enterpriseId("ent-1").issue();

        for (String token : new String[] {secretariat, enterprise}) {
            ApiClient.Response list = api.as(token).get(ENDPOINT);
            assertThat(list.status()).isEqualTo(403);
            assertThat(list.contentType()).startsWith("application/problem+json");
            assertThat(api.as(token).get(QUEUE_PATH).status()).isEqualTo(403);
            assertThat(api.as(token).post(QUEUE_PATH, Map.of("all", true)).status()).isEqualTo(403);
            assertThat(api.as(token).delete(QUEUE_PATH + "?all=true").status()).isEqualTo(403);
        }
        ApiClient.Response anonymous = api.anonymous().get(ENDPOINT);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(api.anonymous().get(QUEUE_PATH).status()).isEqualTo(401);
        assertThat(api.anonymous().post(QUEUE_PATH, Map.of("all", true)).status()).isEqualTo(401);
        assertThat(api.anonymous().delete(QUEUE_PATH + "?all=true").status()).isEqualTo(401);

        assertThat(findDeadLetter(marker)).as("nothing was replayed or discarded").isNotNull();
    }

    // --- helpers -----------------------------------------------------------------------------------------------------



    private JsonNode awaitDeadLetter(String eventId) {
        return await().atMost(SETTLING).until(() -> findDeadLetter(eventId), deadLetter -> deadLetter != null);
    }

    private JsonNode findDeadLetter(String eventId) {
        for (JsonNode deadLetter : inspect()) {
            if (eventId.equals(deadLetter.path("eventId").asString(null))) {
                return deadLetter;
            }
        }
        return null;
    }

    private int countDeadLetters(String eventId) {
        int count = 0;
        for (JsonNode deadLetter : inspect()) {
            if (eventId.equals(deadLetter.path("eventId").asString(null))) {
                count++;
            }
        }
        return count;
    }

    private JsonNode inspect() {
        ApiClient.Response inspection = operator.get(QUEUE_PATH + "?limit=" + DeadLetters.MAX_SHOWN);
        assertThat(inspection.status()).as(inspection.toString()).isEqualTo(200);
        assertThat(inspection.at("/queue")).isEqualTo(MessagingTest.QUEUE);
        return inspection.json().get("shown");
    }
}
