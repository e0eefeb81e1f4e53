package com.brandcluster.membership.membership;

import com.brandcluster.contracts.Exchanges;
import com.brandcluster.testsupport.RabbitExtension;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What membership-service publishes, as a test observes it: a private queue bound to {@code membership.events}
 * ({@code membership.#}). Messages of every cluster arrive (other tests publish too); the queries filter by cluster.
 */
public final class PublishedMembershipEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One published message: its routing key and its JSON body. */
    public record Message(String routingKey, JsonNode body) {

        public String text(String field) {
            return body.path(field).isNull() || body.path(field).isMissingNode() ? null : body.path(field).asString();
        }

        public long version() {
            return body.path("version").asLong();
        }
    }

    private final Connection connection;
    private final Channel channel;
    private final String queue;
    private final List<Message> received = new ArrayList<>();

    private PublishedMembershipEvents() throws IOException, TimeoutException {
        connection = RabbitExtension.info().connectionFactory().newConnection();
        channel = connection.createChannel();
        queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, Exchanges.MEMBERSHIP, "membership.#");
    }

    public static PublishedMembershipEvents listen() {
        try {
            return new PublishedMembershipEvents();
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("Cannot listen to " + Exchanges.MEMBERSHIP, e);
        }
    }

    /** Everything of this cluster published so far (since listening). */
    public synchronized List<Message> of(String clusterId) {
        drain();
        return received.stream().filter(m -> clusterId.equals(m.text("clusterId"))).toList();
    }

    /** Messages of this cluster with this routing key, published so far. */
    public List<Message> of(String clusterId, String routingKey) {
        return of(clusterId).stream().filter(m -> m.routingKey().equals(routingKey)).toList();
    }

    /** Waits until {@code count} messages of this cluster with this routing key were published; returns them. */
    public List<Message> await(String clusterId, String routingKey, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(of(clusterId, routingKey)).as(routingKey + " of " + clusterId).hasSizeGreaterThanOrEqualTo(count));
        return of(clusterId, routingKey);
    }

    /** Asserts that, for a while, nothing more than {@code count} messages of this kind is published. */
    public void assertStaysAt(String clusterId, String routingKey, int count) {
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6)).untilAsserted(() ->
                assertThat(of(clusterId, routingKey)).as(routingKey + " of " + clusterId).hasSize(count));
    }

    private void drain() {
        try {
            GetResponse response;
            while ((response = channel.basicGet(queue, true)) != null) {
                received.add(new Message(response.getEnvelope().getRoutingKey(),
                        JSON.readTree(new String(response.getBody(), StandardCharsets.UTF_8))));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
