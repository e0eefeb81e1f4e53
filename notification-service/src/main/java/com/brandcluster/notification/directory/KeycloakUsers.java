package com.brandcluster.notification.directory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads one user from Keycloak's admin REST API ({@code GET /admin/realms/{realm}/users/{id}}), read-only, with a
 * client-credentials token that is cached until shortly before it expires. A plain {@link RestClient}: the
 * keycloak-admin-client would bring RESTEasy and Jackson 2 for one GET.
 */
class KeycloakUsers {

    /** A token is renewed this long before Keycloak says it expires. */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final RestClient http;
    private final KeycloakProperties properties;
    private final Clock clock;
    private @Nullable CachedToken token;

    KeycloakUsers(RestClient.Builder builder, KeycloakProperties properties, Clock clock) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.readTimeout());
        this.http = builder.baseUrl(properties.url().toString()).requestFactory(requests).build();
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The user, or empty when Keycloak does not know them.
     *
     * @throws KeycloakUnavailableException when Keycloak cannot be reached, is too slow, or refuses the client
     */
    Optional<Recipient> find(String userId) {
        try {
            UserRepresentation user = http.get().uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                    .headers(h -> h.setBearerAuth(accessToken()))
                    .retrieve()
                    .body(UserRepresentation.class);
            return Optional.ofNullable(user).map(u -> u.recipient(userId));
        }
        catch (HttpClientErrorException.NotFound notFound) {
            return Optional.empty();
        }
        catch (HttpClientErrorException.Unauthorized unauthorized) {
            forgetToken();
            throw new KeycloakUnavailableException("Keycloak refused the service-account token", unauthorized);
        }
        catch (RestClientException ex) {
            throw new KeycloakUnavailableException("Keycloak's admin API did not answer", ex);
        }
    }

    private synchronized String accessToken() {
        Instant now = clock.instant();
        if (token != null && now.isBefore(token.renewAt())) {
            return token.value();
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        TokenResponse response = http.post()
                .uri("/realms/{realm}/protocol/openid-connect/token", properties.realm())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .onStatus(HttpStatus.BAD_REQUEST::equals, (request, answer) -> {
                    throw new KeycloakUnavailableException("Keycloak refused the client credentials", null);
                })
                .body(TokenResponse.class);
        if (response == null || response.access_token() == null) {
            throw new KeycloakUnavailableException("Keycloak answered without a token", null);
        }
        token = new CachedToken(response.access_token(),
                now.plusSeconds(response.expires_in()).minus(EXPIRY_MARGIN));
        return token.value();
    }

    private synchronized void forgetToken() {
        token = null;
    }

    private record CachedToken(String value, Instant renewAt) {
    }

    /** The fields of Keycloak's token answer this client reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@Nullable String access_token, long expires_in) {
    }

    /** The fields of Keycloak's UserRepresentation this client reads; the rest is ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserRepresentation(@Nullable String id, @Nullable String username, @Nullable String email,
                              @Nullable String firstName, @Nullable String lastName,
                              @Nullable Map<String, List<String>> attributes) {

        Recipient recipient(String userId) {
            List<String> locales = attributes == null ? null : attributes.get("locale");
            String locale = locales == null || locales.isEmpty() ? null : locales.getFirst();
            return new Recipient(userId, email, Recipient.localeOf(locale), displayName());
        }

        private @Nullable String displayName() {
            String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
            return name.isEmpty() ? username : name;
        }
    }
}
