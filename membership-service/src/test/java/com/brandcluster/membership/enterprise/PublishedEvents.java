package com.brandcluster.membership.enterprise;

import com.brandcluster.contracts.Exchanges;
import com.brandcluster.testsupport.RabbitExtension;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What membership-service publishes while a test runs: a private queue bound to {@code membership.events}. Other tests'
 * events arrive too; filter by the aggregate a test created. Delivery is at-least-once (the outbox may publish an
 * event again, e.g. when a save races with the relay) and consumers deduplicate by {@code eventId}: so does this.
 */
public final class PublishedEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;
    private final Channel channel;
    private final String queue;
    private final List<Event> received = new ArrayList<>();
    private final Set<String> eventIds = new HashSet<>();

    public record Event(String routingKey, JsonNode body) {

        public String text(String field) {
            return body.path(field).asString();
        }

        public long version() {
            return body.path("version").asLong();
        }
    }

    public PublishedEvents() throws Exception {
        connection = RabbitExtension.info().connectionFactory().newConnection();
        channel = connection.createChannel();
        queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, Exchanges.MEMBERSHIP, "membership.#");
    }

    /** Every event received so far whose {@code field} has this value, in the order received. */
    public synchronized List<Event> where(String field, String value) {
        drain();
        return received.stream().filter(e -> value.equals(e.text(field))).toList();
    }

    /** The events with this routing key among {@link #where}. */
    public List<Event> where(String field, String value, String routingKey) {
        return where(field, value).stream().filter(e -> e.routingKey().equals(routingKey)).toList();
    }

    private void drain() {
        try {
            GetResponse response;
            while ((response = channel.basicGet(queue, true)) != null) {
                Event event = new Event(response.getEnvelope().getRoutingKey(),
                        JSON.readTree(new String(response.getBody(), StandardCharsets.UTF_8)));
                if (eventIds.add(event.text("eventId"))) {
                    received.add(event);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
