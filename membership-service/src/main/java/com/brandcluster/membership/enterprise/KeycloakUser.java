package com.brandcluster.membership.enterprise;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user of the realm as the admin REST API describes it: what the portal needs to act on them and to reach them.
 *
 * @param attributes the user's attributes, each with its values ({@code enterprise_id}, {@code secretariat_of},
 *                   {@code locale}, ...)
 */
public record KeycloakUser(String id, String username, String email, String firstName, String lastName,
                           Map<String, List<String>> attributes) {

    public static final String LOCALE = "locale";

    public KeycloakUser {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public List<String> attribute(String name) {
        return attributes.getOrDefault(name, List.of());
    }

    /** The enterprise the user acts for ({@code enterprise_id}), if any. */
    public Optional<String> enterpriseId() {
        return attribute(KeycloakUsers.ENTERPRISE_ID).stream().filter(v -> v != null && !v.isBlank()).findFirst();
    }

    /** The clusters whose secretariat the user belongs to ({@code secretariat_of}). */
    public List<String> secretariatOf() {
        return attribute(KeycloakUsers.SECRETARIAT_OF);
    }

    /** The user's chosen locale ({@code locale} attribute, set by Keycloak's language selector), or null. */
    public String locale() {
        return attribute(LOCALE).stream().filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    /** First and last name when known, else the username. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? username : name;
    }
}
