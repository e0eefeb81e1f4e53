package com.brandcluster.gateway.session;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.brandcluster.testsupport.MongoExtension;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start of a browser login, with Keycloak down (nothing listens at its back-channel address, and its public
 * address does not resolve): every endpoint is configured, so the gateway starts and sends the browser to Keycloak's
 * login page with PKCE. The session holding the login request is in MongoDB, ending after the configured timeout.
 */
@ExtendWith(MongoExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "brandcluster.security.issuer-uri=https://login.brandcluster.example/realms/brand-cluster",
        "brandcluster.gateway.browser.keycloak.url=http://127.0.0.1:1",
        "brandcluster.gateway.browser.session.timeout=17m",
        "brandcluster.security.jwk-set-uri=http://127.0.0.1:1/realms/brand-cluster/protocol/openid-connect/certs" })
class LoginStartIT {

    static final String AUTHORIZATION_ENDPOINT =
            "https://login.brandcluster.example/realms/brand-cluster/protocol/openid-connect/auth";

    @LocalServerPort
    int port;

    @Autowired
    ExpiredSessions expiredSessions;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        MongoExtension.clean();
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void sendsTheBrowserToKeycloakWithPkceWhileKeycloakIsDown() {
        EntityExchangeResult<byte[]> login = client.get().uri("/login?return_to=/events").exchange()
                .expectStatus().isFound()
                .expectHeader().location("/oauth2/authorization/keycloak")
                .expectBody().returnResult();
        ResponseCookie session = login.getResponseCookies().getFirst(GatewaySecurityConfiguration.SESSION_COOKIE);
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(session.isSecure()).isFalse();

        URI keycloak = client.get().uri("/oauth2/authorization/keycloak")
                .cookie(session.getName(), session.getValue())
                .exchange()
                .expectStatus().isFound()
                .expectBody().returnResult().getResponseHeaders().getLocation();

        UriComponents authorization = UriComponentsBuilder.fromUri(keycloak).build();
        assertThat(keycloak.toString()).startsWith(AUTHORIZATION_ENDPOINT + "?");
        assertThat(authorization.getQueryParams().getFirst("client_id")).isEqualTo("portal-gateway");
        assertThat(authorization.getQueryParams().getFirst("response_type")).isEqualTo("code");
        assertThat(authorization.getQueryParams().getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(authorization.getQueryParams().getFirst("code_challenge")).isNotBlank();
        assertThat(authorization.getQueryParams().getFirst("scope")).isEqualTo("openid");
        assertThat(decoded(authorization.getQueryParams().getFirst("redirect_uri")))
                .isEqualTo("http://localhost:" + port + "/login/oauth2/code/keycloak");
        Document stored = sessions().find(new Document("_id", session.getValue())).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getDate(ExpiredSessions.EXPIRE_AT).toInstant())
                .isBetween(Instant.now().plus(Duration.ofMinutes(16)), Instant.now().plus(Duration.ofMinutes(17)));
    }

    @Test
    void treatsARequestFromATrustedTlsProxyAsSecure() {
        EntityExchangeResult<byte[]> login = client.get().uri("/login")
                .header("X-Forwarded-Proto", "https")
                .exchange()
                .expectStatus().isFound()
                .expectBody().returnResult();
        ResponseCookie session = login.getResponseCookies().getFirst(GatewaySecurityConfiguration.SESSION_COOKIE);
        assertThat(session).isNotNull();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.isHttpOnly()).isTrue();

        EntityExchangeResult<byte[]> toKeycloak = client.get().uri("/oauth2/authorization/keycloak")
                .header("X-Forwarded-Proto", "https")
                .cookie(session.getName(), session.getValue())
                .exchange()
                .expectStatus().isFound()
                .expectBody().returnResult();
        ResponseCookie csrf = toKeycloak.getResponseCookies().getFirst(GatewaySecurityConfiguration.CSRF_COOKIE);
        assertThat(csrf).isNotNull();
        assertThat(csrf.isSecure()).isTrue();
        assertThat(csrf.isHttpOnly()).isFalse();
        URI keycloak = toKeycloak.getResponseHeaders().getLocation();
        assertThat(decoded(UriComponentsBuilder.fromUri(keycloak).build().getQueryParams().getFirst("redirect_uri")))
                .isEqualTo("https://localhost:" + port + "/login/oauth2/code/keycloak");
    }

    @Test
    void answersUnknownBrowsersOnTheSessionEndpointsWith401AndCreatesNoSession() {
        client.get().uri("/api/session").header(HttpHeaders.ACCEPT, "text/html").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.LOCATION)
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.type").isEqualTo("urn:brandcluster:problem:unauthorized");

        assertThat(sessions().countDocuments()).isZero();
    }

    @Test
    void deletesTheSessionsThatHaveEndedAndKeepsTheOthers() {
        Instant now = Instant.now();
        sessions().insertMany(List.of(
                new Document("_id", "ended").append(ExpiredSessions.EXPIRE_AT, Date.from(now.minusSeconds(60))),
                new Document("_id", "running").append(ExpiredSessions.EXPIRE_AT, Date.from(now.plusSeconds(600)))));

        assertThat(expiredSessions.delete().block()).isEqualTo(1L);
        assertThat(expiredSessions.delete().block()).isZero();

        assertThat(sessions().find().map(document -> document.getString("_id")).into(new java.util.ArrayList<>()))
                .containsExactly("running");
    }

    private static MongoCollection<Document> sessions() {
        return MongoExtension.database().getCollection("sessions");
    }

    private static String decoded(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
