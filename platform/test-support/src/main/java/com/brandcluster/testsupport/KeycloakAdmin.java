package com.brandcluster.testsupport;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tiny client for Keycloak's admin REST API of one realm ({@code /admin/realms/<realm>}), acting with the bearer
 * token it is given (the master administrator's from {@link KeycloakExtension#admin()}, or a service account's from
 * {@link KeycloakExtension#admin(String)}).
 */
public final class KeycloakAdmin {

    private final String realmUrl;
    private final Supplier<String> token;

    KeycloakAdmin(String baseUrl, String realm, Supplier<String> token) {
        this.realmUrl = baseUrl + "/admin/realms/" + URLEncoder.encode(realm, StandardCharsets.UTF_8);
        this.token = token;
    }

    /** The user representation, if a user has exactly this username. */
    public Optional<JsonNode> findUser(String username) {
        JsonNode users = getJson("/users?exact=true&briefRepresentation=false&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8));
        for (JsonNode user : users.values()) {
            if (username.equalsIgnoreCase(user.path("username").asString())) {
                return Optional.of(user);
            }
        }
        return Optional.empty();
    }

    /** The user's id; fails if there is no such user. */
    public String userId(String username) {
        return findUser(username)
                .orElseThrow(() -> new IllegalStateException("No user " + username + " in Keycloak"))
                .path("id").asString();
    }

    /** The user's attributes, as Keycloak stores them (every value a list). */
    public Map<String, List<String>> attributes(String username) {
        JsonNode user = getJson("/users/" + userId(username));
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : user.path("attributes").properties()) {
            List<String> values = new ArrayList<>();
            entry.getValue().values().forEach(value -> values.add(value.asString()));
            attributes.put(entry.getKey(), values);
        }
        return attributes;
    }

    /** One attribute's values; empty when the user does not have it. */
    public List<String> attribute(String username, String name) {
        return attributes(username).getOrDefault(name, List.of());
    }

    /**
     * Reads the user, merges the given attributes into theirs (an empty list removes one) and writes the user back,
     * as membership-service does. Answers Keycloak's response to the write.
     */
    public HttpResponse<String> mergeAttributes(String username, Map<String, List<String>> changes) {
        String id = userId(username);
        ObjectNode user = (ObjectNode) getJson("/users/" + id);
        ObjectNode attributes = user.path("attributes").isObject() ? (ObjectNode) user.get("attributes")
                : user.putObject("attributes");
        changes.forEach((name, values) -> {
            if (values == null || values.isEmpty()) {
                attributes.remove(name);
            }
            else {
                attributes.set(name, Json.MAPPER.valueToTree(values));
            }
        });
        return put("/users/" + id, user);
    }

    /** The user's realm role names (direct mappings). */
    public List<String> realmRoles(String username) {
        List<String> roles = new ArrayList<>();
        getJson("/users/" + userId(username) + "/role-mappings/realm").values()
                .forEach(role -> roles.add(role.path("name").asString()));
        return roles;
    }

    /** GET of a path below the realm's admin URL; fails on a non-2xx answer. */
    public JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak admin API: GET " + path + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return Json.parse(response.body());
    }

    public HttpResponse<String> get(String path) {
        return KeycloakExtension.send(request(path).GET().build());
    }

    /** PUT of a JSON body (a JsonNode, map, record or JSON string). */
    public HttpResponse<String> put(String path, Object body) {
        return KeycloakExtension.send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    /** POST of a JSON body (a JsonNode, map, record or JSON string). */
    public HttpResponse<String> post(String path, Object body) {
        return KeycloakExtension.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    public HttpResponse<String> delete(String path) {
        return KeycloakExtension.send(request(path).DELETE().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(realmUrl + path))
                .header("Authorization", "Bearer " + token.get())
                .header("Accept", "application/json");
    }

    private static String json(Object body) {
        return body instanceof String s ? s : Json.write(body);
    }
}
