package com.brandcluster.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.brandcluster.testsupport.TestTokens;
import com.brandcluster.testsupport.TestTokensExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The servlet decoder against the local test JWKS: validation rules, caching, outage tolerance. */
@ExtendWith(TestTokensExtension.class)
class KeycloakJwtValidationTest {

    @AfterEach
    void keycloakIsBack() {
        TestTokens.jwksAvailable(true);
    }

    @Test
    void acceptsAKeycloakShapedToken() {
        Jwt jwt = decoder(Duration.ofMinutes(5)).decode(TestTokens.user("u-1").roles(Roles.EXPERT).issue());

        assertThat(jwt.getSubject()).isEqualTo("u-1");
        assertThat(jwt.getAudience()).containsExactly("brand-cluster-api");
    }

    @Test
    void refusesExpiredTokensWrongAudiencesWrongIssuersAndForeignSignatures() {
        JwtDecoder decoder = decoder(Duration.ofMinutes(5));

        assertThatThrownBy(() -> decoder.decode(TestTokens.user("u").expiresIn(Duration.ofMinutes(-2)).issue()))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> decoder.decode(TestTokens.user("u").audience("account").issue()))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
        assertThatThrownBy(() -> decoder.decode(TestTokens.user("u").issuer("https://evil.example/realms/x").issue()))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> decoder.decode(TestTokens.signedByAnotherKey("u").issue()))
                .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.user("u").claim("exp", null).issue()))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void acceptsAnyOfSeveralConfiguredAudiences() {
        JwtDecoder decoder = KeycloakJwtValidation.jwtDecoder(
                KeycloakJwtValidation.jwkSource(properties(Duration.ofMinutes(5))),
                new SecurityProperties(URI.create(TestTokens.issuerUri()), URI.create(TestTokens.jwkSetUri()),
                        List.of("brand-cluster-api", "portal-gateway"), Duration.ofSeconds(30),
                        properties(Duration.ofMinutes(5)).jwks(), 0));

        assertThat(decoder.decode(TestTokens.user("u").audience("portal-gateway", "account").issue()).getSubject())
                .isEqualTo("u");
    }

    @Test
    void fetchesTheJwkSetOnceForManyTokens() {
        JwtDecoder decoder = decoder(Duration.ofMinutes(5));
        decoder.decode(TestTokens.user("first").issue());
        int fetches = TestTokens.jwksRequests();

        for (int i = 0; i < 20; i++) {
            decoder.decode(TestTokens.user("u-" + i).issue());
        }

        assertThat(TestTokens.jwksRequests()).isEqualTo(fetches);
    }

    @Test
    void keepsValidatingWithTheCachedKeysWhileTheJwkSetIsUnavailable() {
        JwtDecoder decoder = decoder(Duration.ofMillis(300));
        String token = TestTokens.user("u-outage").roles(Roles.SECRETARIAT).secretariatOf("lighting").issue();
        decoder.decode(token);
        int fetchesBeforeOutage = TestTokens.jwksRequests();

        TestTokens.jwksAvailable(false);

        // once the cache has expired, a decode tries to refetch, fails, and falls back to the last JWK set
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(decoder.decode(token).getSubject()).isEqualTo("u-outage");
            assertThat(TestTokens.jwksRequests()).isGreaterThan(fetchesBeforeOutage);
        });
        assertThat(decoder.decode(TestTokens.user("u-new").issue()).getSubject()).isEqualTo("u-new");
    }

    @Test
    void derivesTheJwkSetUriFromTheIssuer() {
        SecurityProperties properties = new SecurityProperties(URI.create("http://kc:8180/realms/brand-cluster/"), null,
                List.of("brand-cluster-api"), Duration.ofSeconds(30), properties(Duration.ofMinutes(5)).jwks(), 0);

        assertThat(properties.effectiveJwkSetUri())
                .hasToString("http://kc:8180/realms/brand-cluster/protocol/openid-connect/certs");
    }

    @Test
    void explainsAMissingIssuer() {
        SecurityProperties properties = new SecurityProperties(null, null, List.of("brand-cluster-api"),
                Duration.ofSeconds(30), properties(Duration.ofMinutes(5)).jwks(), 0);

        assertThatThrownBy(properties::effectiveJwkSetUri).hasMessageContaining("brandcluster.security.issuer-uri");
    }

    private static JwtDecoder decoder(Duration cacheTtl) {
        SecurityProperties properties = properties(cacheTtl);
        return KeycloakJwtValidation.jwtDecoder(KeycloakJwtValidation.jwkSource(properties), properties);
    }

    private static SecurityProperties properties(Duration cacheTtl) {
        return new SecurityProperties(URI.create(TestTokens.issuerUri()), URI.create(TestTokens.jwkSetUri()),
                List.of("brand-cluster-api"), Duration.ofSeconds(30),
                new SecurityProperties.Jwks(cacheTtl, Duration.ofSeconds(30), Duration.ofSeconds(5),
                        Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(2)),
                0);
    }
}
