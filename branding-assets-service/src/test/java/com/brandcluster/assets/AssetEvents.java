package com.brandcluster.assets;

import com.brandcluster.contracts.Exchanges;
import com.brandcluster.testsupport.RabbitExtension;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events this service publishes about one asset, read as a consumer would: from a private queue bound to
 * {@code assets.events}, each kept as its JSON with {@code routingKey} added.
 */
public final class AssetEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;
    private final Channel channel;
    private final String queue;
    private final List<JsonNode> received = new ArrayList<>();

    AssetEvents() throws IOException, java.util.concurrent.TimeoutException {
        connection = RabbitExtension.info().connectionFactory().newConnection();
        channel = connection.createChannel();
        queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, Exchanges.ASSETS, "assets.asset.#");
    }

    /** Waits for the asset's events with these routing keys, in this order, and makes sure no other follows. */
    public List<JsonNode> awaitFor(String assetId, String... routingKeys) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(of(assetId)).hasSizeGreaterThanOrEqualTo(routingKeys.length));
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(of(assetId)).extracting(event -> event.get("routingKey").asString())
                        .containsExactly(routingKeys));
        return of(assetId);
    }

    private List<JsonNode> of(String assetId) {
        try {
            GetResponse message;
            while ((message = channel.basicGet(queue, true)) != null) {
                ObjectNode event = (ObjectNode) JSON.readTree(message.getBody());
                event.put("routingKey", message.getEnvelope().getRoutingKey());
                received.add(event);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return received.stream().filter(event -> assetId.equals(event.path("assetId").asString(null))).toList();
    }

    @Override
    public void close() throws IOException, java.util.concurrent.TimeoutException {
        connection.close();
    }
}
