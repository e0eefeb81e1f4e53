package com.brandcluster.platform.messaging;

import java.time.Duration;
import java.util.Map;

import com.brandcluster.contracts.Exchanges;
import com.brandcluster.platform.messaging.testapp.MessagingTest;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitInfo;
import com.brandcluster.testsupport.RabbitManagement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MessagingTest
class MessagingTopologyMessagingIT {

    private final RabbitManagement rabbit = RabbitExtension.management();

    @Autowired
    MessagingTopology topology;

    @Test
    void declaresDurableQuorumQueuesWhoseOnlyArgumentIsTheQueueType() {
        for (String queue : new String[] {MessagingTest.QUEUE, MessagingTest.DLQ}) {
            RabbitManagement.QueueInfo info = rabbit.queue(queue).orElseThrow();
            assertThat(info.type()).isEqualTo("quorum");
            assertThat(info.durable()).isTrue();
            assertThat(info.arguments()).isEqualTo(Map.of("x-queue-type", "quorum"));
        }
    }

    @Test
    void declaresTheExchangesAndBindsTheQueueAndItsDeadLetterQueue() {
        assertThat(rabbit.exchange(Exchanges.MEMBERSHIP).orElseThrow().path("type").asString()).isEqualTo("topic");
        assertThat(rabbit.exchange(Exchanges.DEAD_LETTER).orElseThrow().path("type").asString()).isEqualTo("direct");
        assertThat(rabbit.bindings(MessagingTest.QUEUE))
                .anySatisfy(binding -> {
                    assertThat(binding.source()).isEqualTo(Exchanges.MEMBERSHIP);
                    assertThat(binding.routingKey()).isEqualTo("membership.member.#");
                });
        assertThat(rabbit.bindings(MessagingTest.DLQ))
                .anySatisfy(binding -> {
                    assertThat(binding.source()).isEqualTo(Exchanges.DEAD_LETTER);
                    assertThat(binding.routingKey()).isEqualTo(MessagingTest.DLQ);
                });
    }

    @Test
    void appliesDeadLetteringAndTheDeliveryLimitByPolicyThroughTheManagementApi() {
        JsonNode policy = rabbit.policy(MessagingTest.QUEUE + ".dead-lettering").orElseThrow();
        assertThat(policy.path("pattern").asString()).isEqualTo("^messaging-test\\.members$");
        assertThat(policy.path("apply-to").asString()).isEqualTo("queues");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode queue = rabbit.get("/api/queues/" + RabbitManagement.enc(rabbit.virtualHost()) + "/"
                    + RabbitManagement.enc(MessagingTest.QUEUE));
            JsonNode effective = queue.path("effective_policy_definition");
            assertThat(effective.path("dead-letter-exchange").asString()).isEqualTo(Exchanges.DEAD_LETTER);
            assertThat(effective.path("dead-letter-routing-key").asString()).isEqualTo(MessagingTest.DLQ);
            assertThat(effective.path("delivery-limit").asInt()).isEqualTo(MessagingTest.DELIVERY_LIMIT);
            assertThat(effective.path("dead-letter-strategy").asString()).isEqualTo("at-least-once");
            assertThat(effective.path("overflow").asString()).isEqualTo("reject-publish");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode effective = rabbit.get("/api/queues/" + RabbitManagement.enc(rabbit.virtualHost()) + "/"
                    + RabbitManagement.enc(MessagingTest.DLQ)).path("effective_policy_definition");
            assertThat(effective.path("dead-letter-exchange").isMissingNode()).isTrue();
            assertThat(effective.path("delivery-limit").asInt())
                    .isEqualTo(MessagingTopology.DEAD_LETTER_QUEUE_DELIVERY_LIMIT);
        });
    }

    @Test
    void reapplyingThePoliciesChangesNothing() {
        RabbitInfo info = RabbitExtension.info();
        RabbitPolicies policies = new RabbitPolicies(info.managementUrl(), info.username(), info.password(),
                info.virtualHost(), Duration.ofSeconds(5));

        assertThat(policies.apply(topology.policies())).isZero();
    }
}
