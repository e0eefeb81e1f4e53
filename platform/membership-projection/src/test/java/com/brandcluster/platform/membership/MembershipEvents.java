package com.brandcluster.platform.membership;

import com.brandcluster.contracts.Exchanges;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitManagement;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishes membership-service's events (usually the shared fixtures, varied) to its exchange in the test's RabbitMQ
 * virtual host, the way its outbox relay does: persistent, {@code mandatory}, with a message id. For the tests of
 * every service that consumes them.
 */
public final class MembershipEvents implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;

    public MembershipEvents() throws IOException, TimeoutException {
        connection = RabbitExtension.info().connectionFactory().newConnection();
        channel = connection.createChannel();
    }

    public void publish(String routingKey, String json) throws IOException {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                .deliveryMode(2).messageId(UUID.randomUUID().toString()).build();
        channel.basicPublish(Exchanges.MEMBERSHIP, routingKey, true, properties, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Asserts that a consumer's queue is a durable quorum queue with its dead-letter queue, bound to
     * membership-service's exchange with exactly these routing keys (only those it has handlers for).
     */
    public static void assertConsumerQueue(String queue, String... routingKeys) {
        RabbitManagement management = RabbitExtension.management();
        assertThat(management.queue(queue)).hasValueSatisfying(q -> {
            assertThat(q.type()).isEqualTo("quorum");
            assertThat(q.durable()).isTrue();
        });
        assertThat(management.queueExists(queue + ".dlq")).isTrue();
        assertThat(management.bindings(queue)).filteredOn(b -> b.source().equals(Exchanges.MEMBERSHIP))
                .extracting(RabbitManagement.Binding::routingKey).containsExactlyInAnyOrder(routingKeys);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
