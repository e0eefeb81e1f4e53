package com.brandcluster.platform.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.brandcluster.contracts.Exchanges;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.util.StringUtils;

/**
 * The exchanges, queues, bindings and policies one service needs, derived from {@link MessagingProperties}
 * (DESIGN.md §5):
 * <ul>
 * <li>its own topic exchange (if it publishes) and every exchange it subscribes to, all durable;</li>
 * <li>the direct exchange {@value Exchanges#DEAD_LETTER};</li>
 * <li>one durable quorum queue per purpose, {@code <consumer>.<purpose>}, declared with no argument but
 * {@code x-queue-type}, so that redeclaring it never fails because of changed arguments;</li>
 * <li>its dead-letter queue {@code <queue>.dlq} (quorum), bound to {@value Exchanges#DEAD_LETTER} by its name;</li>
 * <li>one policy per queue that sets dead-lettering and the delivery limit (bounded retries, then the DLQ);</li>
 * <li>one policy per DLQ that lifts its delivery limit out of reach ({@value #DEAD_LETTER_QUEUE_DELIVERY_LIMIT}):
 * RabbitMQ 4.0 to 4.2 count every time a message is taken and returned against the quorum queue default of 20 and
 * then drop it, which would make an operator's inspection of a DLQ ({@link DeadLetters}) lose messages.</li>
 * </ul>
 * Listeners name their queue literally ({@code @RabbitListener(queues = "events-service.members")}) or through
 * this bean ({@code queues = "#{@messagingTopology.queue('members')}"}).
 */
public final class MessagingTopology {

    /** Priority of the per-queue policies: above catch-all operator policies (priority 0). */
    public static final int POLICY_PRIORITY = 10;

    /**
     * The delivery limit of the DLQs: in effect none (a message would have to be inspected a million times). Not -1,
     * which RabbitMQ 4 reads as "no limit" but 3.x refuses.
     */
    public static final int DEAD_LETTER_QUEUE_DELIVERY_LIMIT = 1_000_000;

    /**
     * A policy that applies to exactly one queue.
     *
     * @param name       policy name, {@code <queue>.dead-lettering}
     * @param queue      the queue it applies to
     * @param definition the policy definition (RabbitMQ keys)
     */
    public record QueuePolicy(String name, String queue, Map<String, Object> definition) {

        public QueuePolicy {
            definition = java.util.Collections.unmodifiableMap(new TreeMap<>(definition));
        }

        /** The policy's regular expression: the queue name, anchored and escaped. */
        public String pattern() {
            return exactPattern(queue);
        }

        public String applyTo() {
            return "queues";
        }

        public int priority() {
            return POLICY_PRIORITY;
        }
    }

    private final String consumerName;
    private final @Nullable String exchange;
    private final Map<String, String> queuesByPurpose;
    private final Map<String, MessagingProperties.Subscription> subscriptionsByQueue;
    private final int deliveryLimit;

    public MessagingTopology(MessagingProperties properties, @Nullable String applicationName) {
        String consumer = StringUtils.hasText(properties.consumerName()) ? properties.consumerName() : applicationName;
        this.exchange = StringUtils.hasText(properties.exchange()) ? properties.exchange() : null;
        this.deliveryLimit = properties.deliveryLimit();
        this.queuesByPurpose = new LinkedHashMap<>();
        this.subscriptionsByQueue = new LinkedHashMap<>();
        if (!properties.subscriptions().isEmpty() && !StringUtils.hasText(consumer)) {
            throw new IllegalStateException("brandcluster.messaging.subscriptions need a consumer name: set "
                    + "brandcluster.messaging.consumer-name or spring.application.name");
        }
        this.consumerName = consumer == null ? "" : consumer;
        new TreeMap<>(properties.subscriptions()).forEach((purpose, subscription) -> {
            if (subscription == null || !StringUtils.hasText(subscription.exchange())) {
                throw new IllegalStateException("brandcluster.messaging.subscriptions." + purpose
                        + ".exchange is required");
            }
            if (subscription.routingKeys().isEmpty()) {
                throw new IllegalStateException("brandcluster.messaging.subscriptions." + purpose
                        + ".routing-keys needs at least one routing key (pattern)");
            }
            String queue = this.consumerName + "." + purpose;
            this.queuesByPurpose.put(purpose, queue);
            this.subscriptionsByQueue.put(queue, subscription);
        });
    }

    public String consumerName() {
        return consumerName;
    }

    /** The exchange this service publishes to, if it publishes. */
    public Optional<String> exchange() {
        return Optional.ofNullable(exchange);
    }

    /** The queue of a subscription purpose, e.g. {@code queue("members")} -> {@code events-service.members}. */
    public String queue(String purpose) {
        String queue = queuesByPurpose.get(purpose);
        if (queue == null) {
            throw new IllegalArgumentException("No subscription '" + purpose + "' in brandcluster.messaging."
                    + "subscriptions; known: " + queuesByPurpose.keySet());
        }
        return queue;
    }

    /** The dead-letter queue of a subscription purpose. */
    public String deadLetterQueue(String purpose) {
        return deadLetterQueueName(queue(purpose));
    }

    /** Purpose -> queue name, in a stable order. */
    public Map<String, String> queues() {
        return java.util.Collections.unmodifiableMap(queuesByPurpose);
    }

    /** Every exchange this service declares. */
    public Set<String> exchanges() {
        Set<String> names = new LinkedHashSet<>();
        if (exchange != null) {
            names.add(exchange);
        }
        subscriptionsByQueue.values().forEach(subscription -> names.add(subscription.exchange()));
        return names;
    }

    /** Everything to declare, for Spring AMQP's {@code RabbitAdmin}. */
    public Declarables declarables() {
        List<Declarable> declarables = new ArrayList<>();
        for (String name : exchanges()) {
            TopicExchange topic = ExchangeBuilder.topicExchange(name).durable(true).build();
            declarables.add(topic);
        }
        DirectExchange deadLetter = ExchangeBuilder.directExchange(Exchanges.DEAD_LETTER).durable(true).build();
        declarables.add(deadLetter);
        subscriptionsByQueue.forEach((queueName, subscription) -> {
            Queue queue = QueueBuilder.durable(queueName).quorum().build();
            Queue dlq = QueueBuilder.durable(deadLetterQueueName(queueName)).quorum().build();
            TopicExchange source = new TopicExchange(subscription.exchange());
            declarables.add(queue);
            declarables.add(dlq);
            for (String routingKey : subscription.routingKeys()) {
                declarables.add(BindingBuilder.bind(queue).to(source).with(routingKey));
            }
            Binding dlqBinding = BindingBuilder.bind(dlq).to(deadLetter).with(dlq.getName());
            declarables.add(dlqBinding);
        });
        return new Declarables(declarables);
    }

    /**
     * One policy per consumer queue: dead-lettering to {@value Exchanges#DEAD_LETTER} with the DLQ's name as
     * routing key, the delivery limit, and at-least-once dead-lettering (RabbitMQ 3.10+ quorum queues; it needs
     * {@code overflow: reject-publish}) so that a message is never lost on its way to the DLQ. And one per DLQ,
     * {@code <queue>.dlq.keeping}, with a delivery limit out of reach.
     */
    public List<QueuePolicy> policies() {
        List<QueuePolicy> policies = new ArrayList<>();
        for (String queue : subscriptionsByQueue.keySet()) {
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("dead-letter-exchange", Exchanges.DEAD_LETTER);
            definition.put("dead-letter-routing-key", deadLetterQueueName(queue));
            definition.put("delivery-limit", deliveryLimit);
            definition.put("dead-letter-strategy", "at-least-once");
            definition.put("overflow", "reject-publish");
            policies.add(new QueuePolicy(queue + ".dead-lettering", queue, definition));
            String deadLetterQueue = deadLetterQueueName(queue);
            policies.add(new QueuePolicy(deadLetterQueue + ".keeping", deadLetterQueue,
                    Map.of("delivery-limit", DEAD_LETTER_QUEUE_DELIVERY_LIMIT)));
        }
        return policies;
    }

    public static String deadLetterQueueName(String queue) {
        return queue + ".dlq";
    }

    /** {@code ^name$} with every regular-expression metacharacter escaped (RabbitMQ policies use PCRE). */
    static String exactPattern(String name) {
        StringBuilder pattern = new StringBuilder("^");
        for (char c : name.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.append('$').toString();
    }
}
