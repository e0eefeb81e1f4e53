package com.brandcluster.platform.messaging;

import java.util.List;
import java.util.Map;

import com.brandcluster.contracts.Exchanges;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MessagingTopologyTest {

    private static MessagingProperties properties(String consumerName, String exchange,
                                                  Map<String, MessagingProperties.Subscription> subscriptions) {
        return new MessagingProperties(consumerName, exchange, subscriptions, 5, null);
    }

    private static final Map<String, MessagingProperties.Subscription> MEMBERS = Map.of("members",
            new MessagingProperties.Subscription(Exchanges.MEMBERSHIP, List.of("membership.member.#")));

    @Test
    void namesQueuesAfterTheConsumerAndThePurpose() {
        MessagingTopology topology = new MessagingTopology(properties(null, Exchanges.EVENTS, MEMBERS),
                "events-service");

        assertThat(topology.queue("members")).isEqualTo("events-service.members");
        assertThat(topology.deadLetterQueue("members")).isEqualTo("events-service.members.dlq");
        assertThat(topology.exchanges()).containsExactly(Exchanges.EVENTS, Exchanges.MEMBERSHIP);
        assertThatIllegalArgumentException().isThrownBy(() -> topology.queue("salons"))
                .withMessageContaining("members");
    }

    @Test
    void prefersTheConfiguredConsumerNameOverTheApplicationName() {
        MessagingTopology topology = new MessagingTopology(properties("events", null, MEMBERS), "events-service");

        assertThat(topology.queue("members")).isEqualTo("events.members");
        assertThat(topology.exchange()).isEmpty();
    }

    @Test
    void declaresDurableTopicExchangesQuorumQueuesWithOnlyTheirTypeAndDeadLetterBindings() {
        MessagingTopology topology = new MessagingTopology(properties(null, Exchanges.EVENTS, MEMBERS),
                "events-service");

        var declarables = topology.declarables();

        assertThat(declarables.getDeclarablesByType(Exchange.class))
                .extracting(Exchange::getName, Exchange::getType, Exchange::isDurable)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Exchanges.EVENTS, "topic", true),
                        org.assertj.core.groups.Tuple.tuple(Exchanges.MEMBERSHIP, "topic", true),
                        org.assertj.core.groups.Tuple.tuple(Exchanges.DEAD_LETTER, "direct", true));
        assertThat(declarables.getDeclarablesByType(Queue.class)).allSatisfy(queue -> {
            assertThat(queue.isDurable()).isTrue();
            assertThat(queue.isAutoDelete()).isFalse();
            assertThat(queue.isExclusive()).isFalse();
            assertThat(queue.getArguments()).isEqualTo(Map.of("x-queue-type", "quorum"));
        }).extracting(Queue::getName).containsExactly("events-service.members", "events-service.members.dlq");
        assertThat(declarables.getDeclarablesByType(Binding.class))
                .extracting(Binding::getExchange, Binding::getDestination, Binding::getRoutingKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Exchanges.MEMBERSHIP, "events-service.members",
                                "membership.member.#"),
                        org.assertj.core.groups.Tuple.tuple(Exchanges.DEAD_LETTER, "events-service.members.dlq",
                                "events-service.members.dlq"));
    }

    @Test
    void setsDeadLetteringAndTheDeliveryLimitByOnePolicyPerQueue() {
        MessagingTopology topology = new MessagingTopology(properties(null, null, MEMBERS), "events-service");

        assertThat(topology.policies()).hasSize(2).first().satisfies(policy -> {
            assertThat(policy.name()).isEqualTo("events-service.members.dead-lettering");
            assertThat(policy.pattern()).isEqualTo("^events-service\\.members$");
            assertThat(policy.applyTo()).isEqualTo("queues");
            assertThat(policy.definition()).isEqualTo(Map.of(
                    "dead-letter-exchange", "dead-letter",
                    "dead-letter-routing-key", "events-service.members.dlq",
                    "delivery-limit", 5,
                    "dead-letter-strategy", "at-least-once",
                    "overflow", "reject-publish"));
        });
        assertThat(topology.policies()).last().satisfies(policy -> {
            assertThat(policy.name()).isEqualTo("events-service.members.dlq.keeping");
            assertThat(policy.pattern()).isEqualTo("^events-service\\.members\\.dlq$");
            assertThat(policy.definition()).isEqualTo(Map.of("delivery-limit", 1_000_000));
        });
    }

    @Test
    void escapesEveryRegularExpressionCharacterOfAQueueName() {
        assertThat(MessagingTopology.exactPattern("a.b+c(d)[e]{f}^$|?*\\g-h"))
                .isEqualTo("^a\\.b\\+c\\(d\\)\\[e\\]\\{f\\}\\^\\$\\|\\?\\*\\\\g-h$");
        assertThat("a.b+c(d)[e]{f}^$|?*\\g-h").matches(MessagingTopology.exactPattern("a.b+c(d)[e]{f}^$|?*\\g-h"));
        assertThat("events-service.members.dlq").doesNotMatch(MessagingTopology.exactPattern("events-service.members"));
        assertThat("events-serviceXmembers").doesNotMatch(MessagingTopology.exactPattern("events-service.members"));
    }

    @Test
    void refusesSubscriptionsWithoutAConsumerNameExchangeOrRoutingKey() {
        assertThatIllegalStateException().isThrownBy(() -> new MessagingTopology(properties(null, null, MEMBERS), null))
                .withMessageContaining("spring.application.name");
        assertThatIllegalStateException().isThrownBy(() -> new MessagingTopology(properties("x", null, Map.of("members",
                        new MessagingProperties.Subscription(null, List.of("membership.member.#")))), null))
                .withMessageContaining("subscriptions.members.exchange");
        assertThatIllegalStateException().isThrownBy(() -> new MessagingTopology(properties("x", null, Map.of("members",
                        new MessagingProperties.Subscription(Exchanges.MEMBERSHIP, List.of()))), null))
                .withMessageContaining("routing-keys");
    }

    @Test
    void declaresOnlyTheDeadLetterExchangeForAServiceWithoutMessaging() {
        MessagingTopology topology = new MessagingTopology(properties(null, null, Map.of()), null);

        assertThat(topology.declarables().getDeclarables()).singleElement()
                .satisfies(declarable -> assertThat(((Exchange) declarable).getName()).isEqualTo(Exchanges.DEAD_LETTER));
        assertThat(topology.policies()).isEmpty();
    }
}
