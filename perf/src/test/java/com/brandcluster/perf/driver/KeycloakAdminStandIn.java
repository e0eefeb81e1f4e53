package com.brandcluster.perf.driver;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * What membership-service asks of Keycloak's admin API while the driver registers the benchmark's enterprises: a
 * service-account token, and reading and updating a user's attributes (the {@code enterprise_id} link), kept in
 * memory. Every request is counted, so that a run can show that no request of the measured read reaches Keycloak.
 */
final class KeycloakAdminStandIn implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USERS = "/admin/realms/brand-cluster/users/";

    private final HttpServer http;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    KeycloakAdminStandIn() {
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the Keycloak admin stand-in", ex);
        }
        http.createContext("/realms/brand-cluster/protocol/openid-connect/token",
                exchange -> answer(exchange, 200, Map.of("access_token", "stand-in", "expires_in", 3600)));
        http.createContext(USERS, this::user);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    private void user(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring(USERS.length());
        if ("PUT".equals(exchange.getRequestMethod())) {
            Map<?, ?> user = JSON.readValue(exchange.getRequestBody(), Map.class);
            attributes.put(id, user.get("attributes") == null ? Map.of() : user.get("attributes"));
            answer(exchange, 204, null);
            return;
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("username", id);
        user.put("email", id + "@bench.brandcluster.test");
        user.put("attributes", attributes.getOrDefault(id, Map.of()));
        answer(exchange, 200, user);
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
