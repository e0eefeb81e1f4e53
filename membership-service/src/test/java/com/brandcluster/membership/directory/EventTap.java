package com.brandcluster.membership.directory;

import com.brandcluster.contracts.Exchanges;
import com.brandcluster.testsupport.RabbitExtension;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What membership-service publishes, as a test sees it: a private queue bound to {@code membership.events}, drained
 * into a list, keeping the events of one cluster (the other tests publish too).
 */
public final class EventTap implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Message(String routingKey, JsonNode body) {
    }

    private final Connection connection;
    private final Channel channel;
    private final String queue;
    private final String clusterId;
    private final List<Message> received = new ArrayList<>();

    public EventTap(String clusterId) throws Exception {
        this.clusterId = clusterId;
        this.connection = RabbitExtension.info().connectionFactory().newConnection();
        this.channel = connection.createChannel();
        this.queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, Exchanges.MEMBERSHIP, "membership.#");
    }

    /** Everything of the cluster received so far, with the given routing key. */
    public List<Message> received(String routingKey) throws Exception {
        GetResponse response;
        while ((response = channel.basicGet(queue, true)) != null) {
            JsonNode body = JSON.readTree(new String(response.getBody(), StandardCharsets.UTF_8));
            if (clusterId.equals(body.path("clusterId").asString())) {
                received.add(new Message(response.getEnvelope().getRoutingKey(), body));
            }
        }
        return received.stream().filter(m -> m.routingKey().equals(routingKey)).toList();
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
