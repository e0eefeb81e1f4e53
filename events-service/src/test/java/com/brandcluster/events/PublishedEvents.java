package com.brandcluster.events;

import com.brandcluster.contracts.Exchanges;
import com.brandcluster.testsupport.RabbitExtension;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import org.awaitility.Awaitility;

/**
 * What this service publishes, read as a consumer would: a private queue bound to {@code events.events} for every
 * routing key. Each message is kept as its JSON with its routing key added as {@code routingKey}.
 */
public final class PublishedEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;
    private final Channel channel;
    private final String queue;
    private final List<JsonNode> received = new ArrayList<>();

    public PublishedEvents() throws Exception {
        connection = RabbitExtension.info().connectionFactory().newConnection();
        channel = connection.createChannel();
        queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, Exchanges.EVENTS, "#");
    }

    /** Waits until {@code count} events matching arrived, then makes sure no more of them follow. */
    public List<JsonNode> awaitExactly(Predicate<JsonNode> matching, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(matching(matching)).hasSizeGreaterThanOrEqualTo(count));
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(matching(matching)).hasSize(count));
        return matching(matching);
    }

    /** Events about one registration or one exchange event, by its id. */
    public static Predicate<JsonNode> about(String id) {
        return event -> id.equals(event.path("registrationId").asString(null))
                || (!event.has("registrationId") && id.equals(event.path("exchangeEventId").asString(null)));
    }

    /** Events about an exchange event or any of its registrations. */
    public static Predicate<JsonNode> ofEvent(String exchangeEventId) {
        return event -> exchangeEventId.equals(event.path("exchangeEventId").asString(null));
    }

    public static String routingKey(JsonNode event) {
        return event.get("routingKey").asString();
    }

    private List<JsonNode> matching(Predicate<JsonNode> matching) {
        try {
            GetResponse message;
            while ((message = channel.basicGet(queue, true)) != null) {
                ObjectNode event = (ObjectNode) JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
                event.put("routingKey", message.getEnvelope().getRoutingKey());
                received.add(event);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return received.stream().filter(matching).toList();
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
