package com.brandcluster.salons.salon;

import com.brandcluster.contracts.Exchanges;
import com.brandcluster.testsupport.RabbitExtension;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A queue of this test JVM's own on {@code salons.events}, bound to the routing keys a test is about, from which it
 * reads what the service's outbox relay published.
 */
public final class SalonEventsQueue implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;
    private final Channel channel;
    private final String queue;

    private SalonEventsQueue(Connection connection, Channel channel, String queue) {
        this.connection = connection;
        this.channel = channel;
        this.queue = queue;
    }

    /** An exclusive, auto-deleted queue bound with these binding keys ({@code salons.session.#}). */
    public static SalonEventsQueue bound(String... bindingKeys) throws IOException, TimeoutException {
        Connection connection = RabbitExtension.info().connectionFactory().newConnection();
        Channel channel = connection.createChannel();
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        for (String bindingKey : bindingKeys) {
            channel.queueBind(queue, Exchanges.SALONS, bindingKey);
        }
        return new SalonEventsQueue(connection, channel, queue);
    }

    /**
     * Waits until {@code count} events about the salon arrived, then makes sure no more follow; each event with its
     * {@code routingKey} added, in the order they arrived.
     */
    public List<JsonNode> awaitAbout(String salonId, int count) {
        return awaitWhere("salonId", List.of(salonId), count);
    }

    /**
     * Waits until {@code count} events whose {@code field} is one of {@code values} arrived, then makes sure no more
     * follow; each event with its {@code routingKey} added, in the order they arrived. Other events are dropped.
     */
    public List<JsonNode> awaitWhere(String field, Collection<String> values, int count) {
        List<JsonNode> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            receiveWhere(field, values, events);
            assertThat(events).hasSizeGreaterThanOrEqualTo(count);
        });
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            receiveWhere(field, values, events);
            assertThat(events).hasSize(count);
        });
        return events;
    }

    private void receiveWhere(String field, Collection<String> values, List<JsonNode> into) throws IOException {
        for (GetResponse message = channel.basicGet(queue, true); message != null;
             message = channel.basicGet(queue, true)) {
            ObjectNode event = (ObjectNode) JSON.readTree(message.getBody());
            if (event.has(field) && values.contains(event.get(field).asString())) {
                event.put("routingKey", message.getEnvelope().getRoutingKey());
                into.add(event);
            }
        }
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
