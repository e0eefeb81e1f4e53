package com.brandcluster.notification.directory;

import com.brandcluster.notification.MutableClock;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read-only Keycloak admin client against a WireMock Keycloak: a user with their locale, one client-credentials
 * token for many lookups until it is about to expire, an unknown user, a Keycloak too slow to answer, a refused
 * client.
 */
class KeycloakUsersClientIT {

    private static final String TOKEN_PATH = "/realms/brand-cluster/protocol/openid-connect/token";
    private static final String EXPERT = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";

    @RegisterExtension
    static WireMockExtension keycloak = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private MutableClock clock;
    private KeycloakUsers users;

    @BeforeEach
    void client() {
        clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
        KeycloakProperties properties = new KeycloakProperties(URI.create(keycloak.baseUrl()), "brand-cluster",
                "notification-service", "s3cret", Duration.ofSeconds(2), Duration.ofSeconds(2));
        users = new KeycloakUsers(RestClient.builder(), properties, clock);
        keycloak.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(okJson("{\"access_token\":\"token-1\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));
    }

    @Test
    void readsTheUsersAddressNameAndLocaleWithOneTokenUntilItNearlyExpires() {
        keycloak.stubFor(get(urlEqualTo("/admin/realms/brand-cluster/users/" + EXPERT))
                .withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(okJson("""
                        {"id":"%s","username":"expert-li","email":"li@experts.example","firstName":"Li",
                         "lastName":"Wei","enabled":true,"attributes":{"locale":["zh-CN"]},"createdTimestamp":1}
                        """.formatted(EXPERT))));

        Optional<Recipient> first = users.find(EXPERT);
        users.find(EXPERT);

        assertThat(first).contains(new Recipient(EXPERT, "li@experts.example", Locale.SIMPLIFIED_CHINESE, "Li Wei"));
        keycloak.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withRequestBody(equalTo("grant_type=client_credentials&client_id=notification-service"
                        + "&client_secret=s3cret")));
        keycloak.verify(2, getRequestedFor(urlEqualTo("/admin/realms/brand-cluster/users/" + EXPERT)));

        clock.advance(Duration.ofSeconds(271));
        users.find(EXPERT);
        keycloak.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void aUserWithoutLocaleOrNameGetsEnglishAndTheUsername() {
        keycloak.stubFor(get(urlEqualTo("/admin/realms/brand-cluster/users/" + EXPERT))
                .willReturn(okJson("{\"id\":\"" + EXPERT + "\",\"username\":\"expert-li\",\"email\":\"li@x.example\"}")));

        assertThat(users.find(EXPERT)).contains(new Recipient(EXPERT, "li@x.example", Locale.ENGLISH, "expert-li"));
    }

    @Test
    void anUnknownUserIsEmpty() {
        keycloak.stubFor(get(urlEqualTo("/admin/realms/brand-cluster/users/" + EXPERT))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"User not found\"}")));

        assertThat(users.find(EXPERT)).isEmpty();
    }

    @Test
    void aKeycloakTooSlowToAnswerIsUnavailable() {
        keycloak.stubFor(get(urlEqualTo("/admin/realms/brand-cluster/users/" + EXPERT))
                .willReturn(okJson("{\"id\":\"" + EXPERT + "\"}").withFixedDelay(6_000)));

        assertThatThrownBy(() -> users.find(EXPERT)).isInstanceOf(KeycloakUnavailableException.class);
    }

    @Test
    void aRefusedClientOrAFailingKeycloakIsUnavailable() {
        keycloak.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"unauthorized_client\"}")));
        assertThatThrownBy(() -> users.find(EXPERT)).isInstanceOf(KeycloakUnavailableException.class);

        keycloak.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson("{\"access_token\":\"t\",\"expires_in\":60}")));
        keycloak.stubFor(get(urlEqualTo("/admin/realms/brand-cluster/users/" + EXPERT))
                .willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> users.find(EXPERT)).isInstanceOf(KeycloakUnavailableException.class);
    }

    /** A clock the test moves forward. */
}
