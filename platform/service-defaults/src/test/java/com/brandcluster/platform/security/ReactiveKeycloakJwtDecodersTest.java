package com.brandcluster.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.brandcluster.testsupport.TestTokens;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReactiveKeycloakJwtDecodersTest {

    @Test
    void aKeyLookupIsGivenUpOnlyAfterTheJwkSourcesOwnWorstCase() {
        // a refresh wait of 5 s, then a fetch and its retry of 2 s + 2 s each, and a second to spare
        assertThat(ReactiveKeycloakJwtDecoders.lookupTimeout(jwks(Duration.ofSeconds(5), Duration.ofSeconds(2))))
                .isEqualTo(Duration.ofSeconds(14));
    }

    @Test
    void aKeyLookupThatHangsFailsTheTokenInsteadOfTheRequestHanging() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        JWKSource<SecurityContext> hanging = (selector, context) -> {
            try {
                released.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return List.<JWK>of();
        };
        SecurityProperties properties = new SecurityProperties(URI.create(TestTokens.issuerUri()), null,
                List.of("brand-cluster-api"), Duration.ofSeconds(30),
                jwks(Duration.ofMillis(100), Duration.ofMillis(100)), 0);
        ReactiveJwtDecoder decoder = ReactiveKeycloakJwtDecoders.jwtDecoder(hanging, properties);
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> decoder.decode(TestTokens.user("u").issue()).block(Duration.ofSeconds(20)))
                    .isInstanceOf(JwtException.class).isNotInstanceOf(BadJwtException.class)
                    .hasMessageContaining("signing keys could not be obtained");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
        finally {
            released.countDown();
        }
    }

    private static SecurityProperties.Jwks jwks(Duration refreshTimeout, Duration fetchTimeout) {
        return new SecurityProperties.Jwks(Duration.ofMinutes(5), Duration.ofSeconds(30), refreshTimeout,
                Duration.ofHours(24), Duration.ofSeconds(30), fetchTimeout, fetchTimeout);
    }
}
