package com.brandcluster.testsupport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import tools.jackson.databind.JsonNode;

/**
 * A small client for the RabbitMQ management HTTP API, bound to one virtual host (normally this JVM's, from
 * {@link RabbitExtension#management()}). Queue statistics reported by the management API lag by a few seconds;
 * {@link #messageCount(String)} asks the broker over AMQP instead and is exact.
 */
public final class RabbitManagement {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final RabbitInfo info;
    private final URI baseUrl;

    /** A client for the broker and virtual host described by {@code info}. */
    public RabbitManagement(RabbitInfo info) {
        this.info = info;
        String base = info.managementUrl().toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** A queue as the management API reports it (statistics may lag by a few seconds). */
    public record QueueInfo(String name, String type, boolean durable, long messages, long messagesReady,
                            long messagesUnacknowledged, int consumers, String policy, Map<String, Object> arguments) {
    }

    /** A message fetched through the management API. */
    public record ReceivedMessage(String exchange, String routingKey, String payload, boolean redelivered,
                                  Map<String, Object> headers, Map<String, Object> properties) {
    }

    /** A binding of an exchange to a queue or exchange. */
    public record Binding(String source, String destination, String destinationType, String routingKey,
                         Map<String, Object> arguments) {
    }

    public String virtualHost() {
        return info.virtualHost();
    }

    /** The same client for another virtual host of the same broker. */
    public RabbitManagement forVirtualHost(String virtualHost) {
        return new RabbitManagement(new RabbitInfo(info.addresses(), info.host(), info.port(), virtualHost,
                info.managementUrl(), info.username(), info.password()));
    }

    /** Every queue of the virtual host. */
    public List<QueueInfo> queues() {
        List<QueueInfo> queues = new ArrayList<>();
        for (JsonNode node : get("/api/queues/" + enc(info.virtualHost())).values()) {
            queues.add(queueInfo(node));
        }
        return queues;
    }

    /** One queue, if it exists. */
    public Optional<QueueInfo> queue(String name) {
        return getIfExists("/api/queues/" + enc(info.virtualHost()) + "/" + enc(name)).map(RabbitManagement::queueInfo);
    }

    public boolean queueExists(String name) {
        return queue(name).isPresent();
    }

    public boolean exchangeExists(String name) {
        return getIfExists("/api/exchanges/" + enc(info.virtualHost()) + "/" + enc(name)).isPresent();
    }

    /** The exchange's properties (type, durable, arguments...), if it exists. */
    public Optional<JsonNode> exchange(String name) {
        return getIfExists("/api/exchanges/" + enc(info.virtualHost()) + "/" + enc(name));
    }

    /** The bindings whose destination is the queue (including the default exchange's). */
    public List<Binding> bindings(String queue) {
        List<Binding> bindings = new ArrayList<>();
        for (JsonNode node : get("/api/queues/" + enc(info.virtualHost()) + "/" + enc(queue) + "/bindings").values()) {
            bindings.add(new Binding(node.path("source").asString(), node.path("destination").asString(),
                    node.path("destination_type").asString(), node.path("routing_key").asString(),
                    toMap(node.path("arguments"))));
        }
        return bindings;
    }

    /** Every policy of the virtual host (name, pattern, apply-to, definition...). */
    public List<JsonNode> policies() {
        return new ArrayList<>(get("/api/policies/" + enc(info.virtualHost())).values());
    }

    public Optional<JsonNode> policy(String name) {
        return getIfExists("/api/policies/" + enc(info.virtualHost()) + "/" + enc(name));
    }

    /**
     * The number of ready messages in the queue, asked over AMQP (passive declare), so it is exact and current.
     * Messages delivered to a consumer and not yet acknowledged are not counted.
     */
    public long messageCount(String queue) {
        try (Connection connection = info.connectionFactory().newConnection("test-support-message-count");
             Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
        catch (IOException | TimeoutException ex) {
            throw new IllegalStateException("Could not count messages of queue " + queue + " in "
                    + info.virtualHost(), ex);
        }
    }

    /**
     * Up to {@code max} messages from the head of the queue, put back afterwards (a peek). Note that a quorum queue
     * counts a put-back message as a delivery, which matters for queues with a delivery limit; peek at dead-letter
     * queues, or use {@link #takeMessages(String, int)}.
     */
    public List<ReceivedMessage> getMessages(String queue, int max) {
        return fetch(queue, max, "ack_requeue_true");
    }

    /** Up to {@code max} messages from the head of the queue, removed from it. */
    public List<ReceivedMessage> takeMessages(String queue, int max) {
        return fetch(queue, max, "ack_requeue_false");
    }

    /** Deletes the ready messages of a queue. */
    public void purge(String queue) {
        delete("/api/queues/" + enc(info.virtualHost()) + "/" + enc(queue) + "/contents");
    }

    /** Deletes the ready messages of every queue of the virtual host. */
    public void purgeAll() {
        for (JsonNode node : get("/api/queues/" + enc(info.virtualHost()) + "?columns=name").values()) {
            purge(node.path("name").asString());
        }
    }

    /** Closes every client connection to the virtual host (the clients see the broker drop them). */
    public void closeConnections() {
        for (JsonNode node : get("/api/vhosts/" + enc(info.virtualHost()) + "/connections").values()) {
            delete("/api/connections/" + enc(node.path("name").asString()));
        }
    }

    /** GET of any management API path (starting with {@code /api/}); fails on a non-2xx answer. */
    public JsonNode get(String path) {
        HttpResponse<String> response = send(request(path).GET().build());
        requireSuccess("GET", path, response);
        return Json.parse(response.body());
    }

    /** GET that answers empty on 404. */
    public Optional<JsonNode> getIfExists(String path) {
        HttpResponse<String> response = send(request(path).GET().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        requireSuccess("GET", path, response);
        return Optional.of(Json.parse(response.body()));
    }

    /** PUT of a JSON body (a map, record or string of JSON) to any management API path. */
    public void put(String path, Object body) {
        String json = body instanceof String s ? s : Json.write(body);
        HttpResponse<String> response = send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
        requireSuccess("PUT", path, response);
    }

    /** DELETE of any management API path; a 404 counts as done. */
    public void delete(String path) {
        HttpResponse<String> response = send(request(path).DELETE().build());
        if (response.statusCode() != 404) {
            requireSuccess("DELETE", path, response);
        }
    }

    /** Percent-encodes one path segment (a virtual host, queue or connection name). */
    public static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private List<ReceivedMessage> fetch(String queue, int max, String ackMode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", max);
        body.put("ackmode", ackMode);
        body.put("encoding", "auto");
        body.put("truncate", 50_000_000);
        String path = "/api/queues/" + enc(info.virtualHost()) + "/" + enc(queue) + "/get";
        HttpResponse<String> response = send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build());
        requireSuccess("POST", path, response);
        List<ReceivedMessage> messages = new ArrayList<>();
        for (JsonNode node : Json.parse(response.body()).values()) {
            String payload = node.path("payload").asString();
            if ("base64".equals(node.path("payload_encoding").asString())) {
                payload = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
            }
            JsonNode properties = node.path("properties");
            messages.add(new ReceivedMessage(node.path("exchange").asString(), node.path("routing_key").asString(),
                    payload, node.path("redelivered").asBoolean(), toMap(properties.path("headers")),
                    toMap(properties)));
        }
        return messages;
    }

    private HttpRequest.Builder request(String path) {
        String credentials = Base64.getEncoder()
                .encodeToString((info.username() + ":" + info.password()).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (ConnectException ex) {
            throw new IllegalStateException("The RabbitMQ management API is not answering at " + baseUrl
                    + ". Enable it with `rabbitmq-plugins enable rabbitmq_management`, or set RABBITMQ_MANAGEMENT_URL.",
                    ex);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Calling the RabbitMQ management API at " + baseUrl + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the RabbitMQ management API", ex);
        }
    }

    private static void requireSuccess(String method, String path, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new IllegalStateException("RabbitMQ management API: " + method + " " + path + " answered " + status
                    + ": " + response.body());
        }
    }

    private static QueueInfo queueInfo(JsonNode node) {
        return new QueueInfo(node.path("name").asString(), node.path("type").asString(null),
                node.path("durable").asBoolean(), node.path("messages").asLong(0),
                node.path("messages_ready").asLong(0), node.path("messages_unacknowledged").asLong(0),
                node.path("consumers").asInt(0), node.path("policy").asString(null),
                toMap(node.path("arguments")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        return Json.MAPPER.convertValue(node, Map.class);
    }
}
