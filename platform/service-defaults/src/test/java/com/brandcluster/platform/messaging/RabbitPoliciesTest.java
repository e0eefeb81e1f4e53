package com.brandcluster.platform.messaging;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.brandcluster.contracts.Exchanges;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Against a stand-in for the management API that stores policies as RabbitMQ does. */
class RabbitPoliciesTest {

    private final Map<String, String> stored = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private final List<MessagingTopology.QueuePolicy> policies = new MessagingTopology(new MessagingProperties(
            null, null, Map.of("members", new MessagingProperties.Subscription(Exchanges.MEMBERSHIP,
            List.of("membership.member.#"))), 5, null), "events-service").policies();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/policies/", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.add(exchange.getRequestMethod() + " " + path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        int status;
        byte[] body = new byte[0];
        if ("PUT".equals(exchange.getRequestMethod())) {
            stored.put(path, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            status = 201;
        }
        else if (stored.containsKey(path)) {
            body = stored.get(path).getBytes(StandardCharsets.UTF_8);
            status = 200;
        }
        else {
            status = 404;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private RabbitPolicies client(String virtualHost) {
        return new RabbitPolicies(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "guest",
                "guest", virtualHost, Duration.ofSeconds(2));
    }

    @Test
    void putsEachPolicyIntoTheEncodedVirtualHost() {
        assertThat(client("/").apply(policies)).isEqualTo(2);

        String path = "/api/policies/%2F/events-service.members.dead-lettering";
        assertThat(requests).contains("PUT " + path + " Basic Z3Vlc3Q6Z3Vlc3Q=");
        JsonNode body = JsonMapper.shared().readTree(stored.get(path));
        assertThat(body.path("pattern").asString()).isEqualTo("^events-service\\.members$");
        assertThat(body.path("apply-to").asString()).isEqualTo("queues");
        assertThat(body.path("priority").asInt()).isEqualTo(MessagingTopology.POLICY_PRIORITY);
        assertThat(body.path("definition").path("delivery-limit").asInt()).isEqualTo(5);
        assertThat(body.path("definition").path("dead-letter-exchange").asString()).isEqualTo("dead-letter");
        JsonNode deadLetterQueue = JsonMapper.shared()
                .readTree(stored.get("/api/policies/%2F/events-service.members.dlq.keeping"));
        assertThat(deadLetterQueue.path("pattern").asString()).isEqualTo("^events-service\\.members\\.dlq$");
        assertThat(deadLetterQueue.path("definition").path("delivery-limit").asInt())
                .isEqualTo(MessagingTopology.DEAD_LETTER_QUEUE_DELIVERY_LIMIT);
    }

    @Test
    void leavesAPolicyThatIsAlreadyInPlaceAlone() {
        client("bc test").apply(policies);
        requests.clear();

        assertThat(client("bc test").apply(policies)).isZero();

        assertThat(requests).hasSize(2).allSatisfy(request ->
                assertThat(request).startsWith("GET /api/policies/bc%20test/"));
    }

    @Test
    void reportsAnUnreachableApi() {
        server.stop(0);

        assertThatExceptionOfType(RabbitPolicies.PolicyException.class)
                .isThrownBy(() -> client("/").apply(policies))
                .withMessageContaining("unreachable");
    }
}
