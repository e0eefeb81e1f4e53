package com.brandcluster.system.support;

import com.brandcluster.testsupport.KeycloakAdmin;
import com.brandcluster.testsupport.KeycloakExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Users a system test creates in the real Keycloak for itself, so the demo users stay as the other tests expect. */
public final class Users {

    private Users() {
    }

    /** A new user with the realm role and the demo password; returns the username. */
    public static String create(String prefix, String realmRole) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin admin = KeycloakExtension.admin();
        HttpResponse<String> created = admin.post("/users", Map.of(
                "username", username, "enabled", true, "email", username + "@example.test", "emailVerified", true,
                "firstName", "System", "lastName", "Test",
                "credentials", List.of(Map.of("type", "password", "value", KeycloakExtension.DEMO_PASSWORD,
                        "temporary", false))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not create " + username + ": " + created.body());
        }
        JsonNode role = admin.getJson("/roles/" + realmRole);
        HttpResponse<String> mapped = admin.post("/users/" + admin.userId(username) + "/role-mappings/realm",
                List.of(Map.of("id", role.path("id").asString(), "name", realmRole)));
        if (mapped.statusCode() != 204) {
            throw new IllegalStateException("Could not give " + username + " the role " + realmRole + ": " + mapped.body());
        }
        return username;
    }

    /** The user's current token (fetched anew: their claims may just have changed). */
    public static String token(String username) {
        return KeycloakExtension.freshPasswordToken(username, KeycloakExtension.DEMO_PASSWORD);
    }
}
