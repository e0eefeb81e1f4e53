package com.brandcluster.platform.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies per-queue policies through the RabbitMQ management HTTP API
 * ({@code PUT /api/policies/{vhost}/{name}}), idempotently: a policy that is already in place is left alone.
 */
final class RabbitPolicies {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final URI baseUrl;
    private final String authorization;
    private final String virtualHost;
    private final HttpClient http;
    private final Duration timeout;

    RabbitPolicies(URI baseUrl, String username, String password, String virtualHost, Duration timeout) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.virtualHost = virtualHost;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    URI baseUrl() {
        return baseUrl;
    }

    String virtualHost() {
        return virtualHost;
    }

    /**
     * Puts every policy that is missing or differs.
     *
     * @return how many policies were written
     * @throws PolicyException when the API is unreachable or refuses a policy
     */
    int apply(List<MessagingTopology.QueuePolicy> policies) {
        int written = 0;
        for (MessagingTopology.QueuePolicy policy : policies) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("pattern", policy.pattern());
            body.put("apply-to", policy.applyTo());
            body.put("priority", policy.priority());
            body.put("definition", policy.definition());
            URI uri = URI.create(baseUrl + "/api/policies/" + encode(virtualHost) + "/" + encode(policy.name()));
            if (isInPlace(uri, body)) {
                continue;
            }
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri)
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .header("Content-Type", "application/json"));
            if (response.statusCode() / 100 != 2) {
                throw new PolicyException("RabbitMQ refused policy " + policy.name() + " in virtual host "
                        + virtualHost + ": HTTP " + response.statusCode() + " " + abbreviate(response.body()));
            }
            written++;
        }
        return written;
    }

    private boolean isInPlace(URI uri, Map<String, Object> wanted) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET());
        if (response.statusCode() != 200) {
            return false;
        }
        try {
            JsonNode current = JSON.readTree(response.body());
            JsonNode expected = JSON.valueToTree(wanted);
            return Objects.equals(current.get("pattern"), expected.get("pattern"))
                    && Objects.equals(current.get("apply-to"), expected.get("apply-to"))
                    && Objects.equals(current.path("priority").asInt(), expected.path("priority").asInt())
                    && Objects.equals(current.get("definition"), expected.get("definition"));
        }
        catch (JacksonException ex) {
            return false;
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(timeout).header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new PolicyException("RabbitMQ management API at " + baseUrl + " is unreachable: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PolicyException("Interrupted while applying RabbitMQ policies", ex);
        }
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    static final class PolicyException extends RuntimeException {

        PolicyException(String message) {
            super(message);
        }

        PolicyException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
