package com.brandcluster.membership.enterprise;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The portal's side of Keycloak's admin REST API, as the {@code membership-service} service account (client
 * credentials): finding and creating users, their attributes ({@code enterprise_id}, {@code secretariat_of}) and
 * their realm role mappings. A few plain REST calls serve better here than keycloak-admin-client, which would bring
 * RESTEasy and Jackson 2.
 *
 * <p>The service account holds the {@code realm-management} roles {@code manage-users}, {@code view-users} and
 * {@code view-realm}: mapping a realm role needs the role's representation (its id), which Keycloak shows only with
 * {@code view-realm}, and it filters a user's role mappings by the same right.
 *
 * <p>Keycloak replaces a user's attributes wholesale on update and offers no conditional update, so every attribute
 * write reads the user, merges and writes back; writes of one user are serialised within this instance (striped
 * locks), and every write is idempotent, so a retry repeats it harmlessly. Transient failures (connection refused or
 * reset, timeouts, 5xx, 429) are retried with backoff, then reported as {@link IdentityServiceUnavailableException}.
 */
@Component
public class KeycloakUsers {

    public static final String ENTERPRISE_ID = "enterprise_id";
    public static final String SECRETARIAT_OF = "secretariat_of";

    private static final Logger log = LoggerFactory.getLogger(KeycloakUsers.class);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {
    };
    private static final int LOCK_STRIPES = 64;

    private final KeycloakAdminProperties properties;
    private final RestClient http;
    private final Clock clock;
    private final ReentrantLock[] userLocks = new ReentrantLock[LOCK_STRIPES];
    private volatile AccessToken token;

    KeycloakUsers(KeycloakAdminProperties properties, RestClient.Builder builder, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        // HTTP/1.1: the JDK client's default (an h2c upgrade of the first request on a connection) breaks against
        // servers that accept the upgrade and then close the connection, as some proxies and test servers do
        var requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build());
        requestFactory.setReadTimeout(properties.readTimeout());
        this.http = builder.clone().baseUrl(properties.baseUrl().toString()).requestFactory(requestFactory).build();
        for (int i = 0; i < LOCK_STRIPES; i++) {
            userLocks[i] = new ReentrantLock();
        }
    }

    // --- users ---------------------------------------------------------------------------------------------------

    /** The user with this id. */
    public KeycloakUser user(String userId) {
        return toUser(withRetries(() -> readUser(userId)));
    }

    /**
     * Deletes the user's account, with its names, e-mail, attributes and credentials (personal data erasure).
     * Idempotent: a user who does not exist any more is gone already.
     */
    public void deleteUser(String userId) {
        withRetries(() -> {
            try {
                http.delete().uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                        .headers(h -> h.setBearerAuth(accessToken()))
                        .retrieve()
                        .toBodilessEntity();
                log.info("A user account was deleted");
            } catch (HttpClientErrorException.NotFound e) {
                log.info("A user account to delete does not exist any more");
            }
            return null;
        });
    }

    /** The user whose e-mail is exactly this one (Keycloak keeps e-mails in lower case), if any. */
    public Optional<KeycloakUser> findByEmail(String email) {
        return search("email", email);
    }

    /** The user whose username is exactly this one (Keycloak keeps usernames in lower case), if any. */
    public Optional<KeycloakUser> findByUsername(String username) {
        return search("username", username);
    }

    /**
     * Creates an enabled user whose username is the e-mail, who must verify the e-mail and choose a password at the
     * first sign-in. A user who exists already (Keycloak answers 409, also when an earlier attempt of this call did
     * create the user but its answer was lost) is found and returned instead: creating is idempotent.
     */
    public KeycloakUser createUser(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("username", address);
        representation.put("email", address);
        representation.put("enabled", true);
        representation.put("emailVerified", false);
        representation.put("requiredActions", List.of("VERIFY_EMAIL", "UPDATE_PASSWORD"));
        Optional<String> created = withRetries(() -> {
            try {
                ResponseEntity<Void> response = http.post().uri("/admin/realms/{realm}/users", properties.realm())
                        .headers(h -> h.setBearerAuth(accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(representation)
                        .retrieve()
                        .toBodilessEntity();
                return Optional.of(idFrom(response.getHeaders().getLocation()));
            } catch (HttpClientErrorException.Conflict exists) {
                return Optional.<String>empty();
            }
        });
        if (created.isPresent()) {
            log.info("Keycloak user created for an invitation");
            return user(created.get());
        }
        return findByUsername(address).or(() -> findByEmail(address)).orElseThrow(() -> {
            log.warn("Keycloak refused to create a user that conflicts with one it does not find");
            return IdentityServiceUnavailableException.refused();
        });
    }

    // --- enterprise_id -------------------------------------------------------------------------------------------

    /**
     * Makes the user act for the enterprise: their next token carries {@code enterprise_id}. Idempotent; refuses a
     * user who acts for another enterprise already ({@link UserActsForAnotherEnterpriseException}).
     */
    public KeycloakUser linkEnterprise(String userId, String enterpriseId) {
        return updateAttributes(userId, attributes -> {
            List<String> current = attributes.getOrDefault(ENTERPRISE_ID, List.of());
            if (current.stream().anyMatch(v -> v != null && !v.isBlank() && !v.equals(enterpriseId))) {
                throw new UserActsForAnotherEnterpriseException();
            }
            attributes.put(ENTERPRISE_ID, List.of(enterpriseId));
            return attributes;
        });
    }

    /**
     * Makes the user act for no enterprise any more, if they act for this one (a link to another enterprise is left
     * alone). Idempotent; a user who does not exist any more has nothing to clear (empty).
     */
    public Optional<KeycloakUser> unlinkEnterprise(String userId, String enterpriseId) {
        try {
            return Optional.of(updateAttributes(userId, attributes -> {
                if (attributes.getOrDefault(ENTERPRISE_ID, List.of()).contains(enterpriseId)) {
                    attributes.remove(ENTERPRISE_ID);
                }
                return attributes;
            }));
        } catch (KeycloakUserNotFoundException gone) {
            log.info("A user to unlink from enterprise {} does not exist any more", enterpriseId);
            return Optional.empty();
        }
    }

    // --- secretariat_of ------------------------------------------------------------------------------------------

    /** Adds the cluster to the user's {@code secretariat_of}, keeping their other clusters; idempotent. */
    public KeycloakUser addSecretariatOf(String userId, String clusterId) {
        return updateAttributes(userId, attributes -> {
            LinkedHashSet<String> clusters = new LinkedHashSet<>(attributes.getOrDefault(SECRETARIAT_OF, List.of()));
            clusters.add(clusterId);
            attributes.put(SECRETARIAT_OF, new ArrayList<>(clusters));
            return attributes;
        });
    }

    /** Removes the cluster from the user's {@code secretariat_of}, keeping their other clusters; idempotent. */
    public KeycloakUser removeSecretariatOf(String userId, String clusterId) {
        return updateAttributes(userId, attributes -> {
            List<String> clusters = new ArrayList<>(attributes.getOrDefault(SECRETARIAT_OF, List.of()));
            clusters.removeIf(clusterId::equals);
            if (clusters.isEmpty()) {
                attributes.remove(SECRETARIAT_OF);
            } else {
                attributes.put(SECRETARIAT_OF, clusters);
            }
            return attributes;
        });
    }

    /** Reads one attribute of a user; empty when the user has none. */
    public List<String> attribute(String userId, String name) {
        return user(userId).attribute(name);
    }

    // --- realm roles ---------------------------------------------------------------------------------------------

    /** The names of the realm roles mapped to the user directly. */
    public List<String> realmRoles(String userId) {
        return withRetries(() -> {
            try {
                List<Map<String, Object>> roles = http.get()
                        .uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", properties.realm(), userId)
                        .headers(h -> h.setBearerAuth(accessToken()))
                        .retrieve()
                        .body(JSON_ARRAY);
                return roles == null ? List.<String>of()
                        : roles.stream().map(r -> (String) r.get("name")).toList();
            } catch (HttpClientErrorException.NotFound e) {
                throw new KeycloakUserNotFoundException(userId);
            }
        });
    }

    /** Maps the realm role to the user; idempotent (Keycloak ignores a role the user holds already). */
    public void addRealmRole(String userId, String role) {
        changeRealmRole(HttpMethod.POST, userId, role);
        log.info("Realm role {} granted to a user", role);
    }

    /** Removes the realm role from the user; idempotent. */
    public void removeRealmRole(String userId, String role) {
        changeRealmRole(HttpMethod.DELETE, userId, role);
        log.info("Realm role {} taken from a user", role);
    }

    private void changeRealmRole(HttpMethod method, String userId, String role) {
        withRetries(() -> {
            Map<String, Object> representation = readRole(role);
            try {
                http.method(method)
                        .uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", properties.realm(), userId)
                        .headers(h -> h.setBearerAuth(accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(List.of(Map.of("id", representation.get("id"), "name", representation.get("name"))))
                        .retrieve()
                        .toBodilessEntity();
            } catch (HttpClientErrorException.NotFound e) {
                throw new KeycloakUserNotFoundException(userId);
            }
            return null;
        });
    }

    private Map<String, Object> readRole(String role) {
        try {
            Map<String, Object> representation = http.get()
                    .uri("/admin/realms/{realm}/roles/{role}", properties.realm(), role)
                    .headers(h -> h.setBearerAuth(accessToken()))
                    .retrieve()
                    .body(JSON_OBJECT);
            if (representation == null || representation.get("id") == null) {
                throw new IllegalStateException("Keycloak described realm role " + role + " without its id");
            }
            return representation;
        } catch (HttpClientErrorException.NotFound e) {
            log.error("Realm role {} does not exist in realm {}", role, properties.realm());
            throw IdentityServiceUnavailableException.refused();
        }
    }

    // --- plumbing ------------------------------------------------------------------------------------------------

    private Optional<KeycloakUser> search(String field, String value) {
        String wanted = value.strip();
        List<Map<String, Object>> found = withRetries(() -> http.get()
                .uri("/admin/realms/{realm}/users?" + field + "={value}&exact=true&briefRepresentation=false",
                        properties.realm(), wanted)
                .headers(h -> h.setBearerAuth(accessToken()))
                .retrieve()
                .body(JSON_ARRAY));
        return (found == null ? List.<Map<String, Object>>of() : found).stream()
                .filter(user -> user.get(field) instanceof String s && s.equalsIgnoreCase(wanted))
                .findFirst()
                .map(KeycloakUsers::toUser);
    }

    private KeycloakUser updateAttributes(String userId, UnaryOperator<Map<String, List<String>>> change) {
        ReentrantLock lock = userLocks[Math.floorMod(userId.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            return withRetries(() -> {
                Map<String, Object> user = readUser(userId);
                Map<String, List<String>> before = attributes(user);
                Map<String, List<String>> after = change.apply(attributes(user));
                if (!after.equals(before)) {
                    user.put("attributes", after);
                    http.put().uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                            .headers(h -> h.setBearerAuth(accessToken()))
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(user)
                            .retrieve()
                            .toBodilessEntity();
                    log.info("Keycloak attributes of a user updated");
                }
                user.put("attributes", after);
                return toUser(user);
            });
        } finally {
            lock.unlock();
        }
    }

    private Map<String, Object> readUser(String userId) {
        try {
            Map<String, Object> user = http.get().uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                    .headers(h -> h.setBearerAuth(accessToken()))
                    .retrieve()
                    .body(JSON_OBJECT);
            return new LinkedHashMap<>(user == null ? Map.of() : user);
        } catch (HttpClientErrorException.NotFound e) {
            throw new KeycloakUserNotFoundException(userId);
        }
    }

    private static KeycloakUser toUser(Map<String, Object> user) {
        return new KeycloakUser(string(user.get("id")), string(user.get("username")), string(user.get("email")),
                string(user.get("firstName")), string(user.get("lastName")), attributes(user));
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    private static Map<String, List<String>> attributes(Map<String, Object> user) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        if (user.get("attributes") instanceof Map<?, ?> existing) {
            existing.forEach((k, v) -> {
                List<String> values = new ArrayList<>();
                if (v instanceof List<?> list) {
                    list.forEach(item -> values.add(item == null ? null : item.toString()));
                } else if (v != null) {
                    values.add(v.toString());
                }
                attributes.put((String) k, values);
            });
        }
        return attributes;
    }

    private static String idFrom(URI location) {
        if (location == null) {
            throw new IllegalStateException("Keycloak created a user without telling its location");
        }
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private String accessToken() {
        AccessToken current = token;
        if (current == null || current.expiresAt().isBefore(clock.instant().plusSeconds(30))) {
            var form = new LinkedMultiValueMap<String, String>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", properties.clientId());
            form.add("client_secret", properties.clientSecret());
            Map<String, Object> response = http.post()
                    .uri("/realms/{realm}/protocol/openid-connect/token", properties.realm())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(JSON_OBJECT);
            if (response == null || !(response.get("access_token") instanceof String value)) {
                throw new IllegalStateException("Keycloak answered the token request without an access token");
            }
            long expiresIn = response.get("expires_in") instanceof Number n ? n.longValue() : 60;
            current = new AccessToken(value, clock.instant().plusSeconds(expiresIn));
            token = current;
        }
        return current.value();
    }

    private <T> T withRetries(Supplier<T> call) {
        RestClientException last = null;
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            try {
                return call.get();
            } catch (ResourceAccessException e) {
                last = e;
            } catch (RestClientResponseException e) {
                if (e.getStatusCode().value() == 401) {
                    token = null;
                } else if (!isTransient(e.getStatusCode())) {
                    log.error("Keycloak refused an admin request with status {}", e.getStatusCode().value());
                    throw IdentityServiceUnavailableException.refused();
                }
                last = e;
            } catch (IllegalStateException e) {
                log.error("Keycloak answered an admin request unexpectedly: {}", e.getMessage());
                throw IdentityServiceUnavailableException.refused();
            }
            log.warn("Keycloak admin request failed (attempt {} of {}): {}", attempt, properties.maxAttempts(),
                    last.getClass().getSimpleName());
            pause(attempt);
        }
        throw IdentityServiceUnavailableException.unreachable();
    }

    private static boolean isTransient(HttpStatusCode status) {
        return status.is5xxServerError() || status.value() == 429;
    }

    private void pause(int attempt) {
        if (attempt < properties.maxAttempts()) {
            try {
                Thread.sleep(properties.backoff().toMillis() * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw IdentityServiceUnavailableException.unreachable();
            }
        }
    }

    private record AccessToken(String value, Instant expiresAt) {
    }
}
