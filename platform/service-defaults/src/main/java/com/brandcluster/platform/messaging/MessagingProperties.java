package com.brandcluster.platform.messaging;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The RabbitMQ topology of one service (DESIGN.md §5), declared by the service itself at start.
 *
 * <pre>{@code
 * brandcluster:
 *   messaging:
 *     exchange: events.events            # the topic exchange this service publishes to (optional)
 *     subscriptions:
 *       members:                         # purpose -> queue "events-service.members"
 *         exchange: membership.events
 *         routing-keys: [ "membership.member.#" ]
 * }</pre>
 *
 * @param consumerName  first part of this service's queue names; defaults to {@code spring.application.name}
 * @param exchange      the topic exchange this service publishes to, or {@code null} for a pure consumer
 * @param subscriptions purpose -> what the queue {@code <consumerName>.<purpose>} receives
 * @param deliveryLimit RabbitMQ's {@code delivery-limit} for the consumer queues: how many times a message may be
 *                      returned unsuccessfully (requeued after a failed listener) before it is dead-lettered. On
 *                      RabbitMQ 3.x a message is therefore delivered at most {@code deliveryLimit + 1} times.
 * @param management    the management HTTP API through which the dead-lettering policies are applied
 */
@ConfigurationProperties("brandcluster.messaging")
public record MessagingProperties(@Nullable String consumerName, @Nullable String exchange,
                                  @DefaultValue Map<String, Subscription> subscriptions,
                                  @DefaultValue("5") int deliveryLimit,
                                  @DefaultValue Management management) {

    public MessagingProperties {
        subscriptions = subscriptions == null ? Map.of() : Map.copyOf(subscriptions);
        if (deliveryLimit < 0) {
            throw new IllegalArgumentException("brandcluster.messaging.delivery-limit must not be negative");
        }
        management = management == null ? new Management(true, null, null, null, false) : management;
    }

    /**
     * One consumer queue: bound to {@code exchange} with each of {@code routingKeys} (topic patterns allowed).
     */
    public record Subscription(String exchange, @DefaultValue List<String> routingKeys) {

        public Subscription {
            routingKeys = routingKeys == null ? List.of() : List.copyOf(routingKeys);
        }
    }

    /**
     * @param applyPolicies whether to PUT the per-queue policies at start (default true)
     * @param url           base URL of the management API; defaults to {@code http://<first RabbitMQ host>:15672}
     * @param username      defaults to {@code spring.rabbitmq.username}
     * @param password      defaults to {@code spring.rabbitmq.password}
     * @param required      fail the start when the policies cannot be applied (default false: log a warning and keep
     *                      retrying in the background)
     */
    public record Management(@DefaultValue("true") boolean applyPolicies, @Nullable URI url,
                             @Nullable String username, @Nullable String password, boolean required) {

        @Override
        public String toString() {
            return "Management[applyPolicies=" + applyPolicies + ", url=" + url + ", username=" + username
                    + ", required=" + required + "]";
        }
    }
}
