package com.brandcluster.gateway.session;

import java.util.List;

import com.brandcluster.platform.security.Caller;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is logged in, as the UI needs it: from the claims of the access token the gateway relays (so after a refresh
 * it shows what the services see). Never a token.
 *
 * @param authenticated always true (an anonymous caller gets 401)
 * @param subject the Keycloak user id ({@code sub})
 * @param username {@code preferred_username}
 * @param name the display name ({@code name}), else the username
 * @param email {@code email}
 * @param roles realm roles, without the ones every Keycloak user has
 * @param enterpriseId {@code enterprise_id}: the enterprise the user acts for
 * @param secretariatOf {@code secretariat_of}: clusters whose secretariat the user belongs to
 */
record SessionView(boolean authenticated, String subject, @Nullable String username, @Nullable String name,
        @Nullable String email, List<String> roles,
        @JsonProperty(Caller.ENTERPRISE_ID_CLAIM) @Nullable String enterpriseId,
        @JsonProperty(Caller.SECRETARIAT_OF_CLAIM) List<String> secretariatOf) {

    static SessionView of(Caller caller, Jwt token) {
        String name = token.getClaimAsString("name");
        return new SessionView(true, caller.subject(), caller.username(),
                name == null || name.isBlank() ? caller.username() : name, caller.email(),
                caller.roles().stream().filter(role -> !isKeycloakBuiltIn(role)).sorted().toList(),
                caller.enterpriseId(),
                caller.secretariatOf().stream().sorted().toList());
    }

    /** Roles every Keycloak user has ({@code offline_access}, {@code uma_authorization}, the realm's defaults). */
    private static boolean isKeycloakBuiltIn(String role) {
        return role.equals("offline_access") || role.equals("uma_authorization") || role.startsWith("default-roles-");
    }
}
