package com.brandcluster.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTokensTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void jwksBackOnline() {
        TestTokens.jwksAvailable(true);
    }

    @Test
    void issuesTokensShapedLikeKeycloaksThatVerifyAgainstTheServedJwks() throws Exception {
        String token = TestTokens.user("user-1").roles("secretariat").secretariatOf("lighting", "coking-coal").issue();

        JWKSet jwks = JWKSet.parse(get(TestTokens.jwkSetUri()).body());
        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwks.getKeys()).allMatch(jwk -> !jwk.isPrivate());

        Map<String, Object> claims = jwt.getJWTClaimsSet().getClaims();
        assertThat(claims).containsEntry("iss", TestTokens.issuerUri())
                .containsEntry("sub", "user-1")
                .containsEntry("preferred_username", "user-1")
                .containsEntry("azp", "portal-cli")
                .containsEntry("typ", "Bearer")
                .containsEntry("secretariat_of", List.of("lighting", "coking-coal"))
                .doesNotContainKey("enterprise_id");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("brand-cluster-api");
        assertThat(jwt.getJWTClaimsSet().getJSONObjectClaim("realm_access")).containsEntry("roles", List.of("secretariat"));
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
                .isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));
        assertThat(TestTokens.issuerUri()).matches("http://127\\.0\\.0\\.1:\\d+/realms/brand-cluster");
    }

    @Test
    void springSecuritysDecoderAcceptsTheTokenWithIssuerAndAudienceChecks() {
        NimbusJwtDecoder decoder = decoder();

        Jwt jwt = decoder.decode(TestTokens.user("ent-user").roles("enterprise").enterpriseId("opal")
                .claim("locale", "zh-CN").issue());

        assertThat(jwt.getSubject()).isEqualTo("ent-user");
        assertThat(jwt.getClaimAsString("enterprise_id")).isEqualTo("opal");
        assertThat(jwt.getClaimAsString("locale")).isEqualTo("zh-CN");
        assertThat(jwt.getClaimAsMap("realm_access")).containsEntry("roles", List.of("enterprise"));
    }

    @Test
    void decoderRejectsForeignSignatureExpiryWrongIssuerAndWrongAudience() {
        NimbusJwtDecoder decoder = decoder();

        assertThatThrownBy(() -> decoder.decode(TestTokens.signedByAnotherKey("u").roles("expert").issue()))
                .isInstanceOf(JwtException.class).hasMessageContaining("signature");
        assertThatThrownBy(() -> decoder.decode(TestTokens.user("u").signedByAnotherKey().issue()))
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.user("u").expiresIn(Duration.ofMinutes(-5)).issue()))
                .isInstanceOf(JwtException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> decoder.decode(TestTokens.user("u").issuer("http://evil.example/realms/x").issue()))
                .isInstanceOf(JwtException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> decoder.decode(TestTokens.user("u").audience("other-api").issue()))
                .isInstanceOf(JwtException.class).hasMessageContaining("aud");
        assertThatThrownBy(() -> decoder.decode(TestTokens.user("u").audience().issue()))
                .isInstanceOf(JwtException.class).hasMessageContaining("aud");
    }

    @Test
    void claimWithNullValueRemovesADefaultClaim() {
        Map<String, Object> claims = TestTokens.user("u").claim("email", null).claim("azp", "portal-gateway").claims();

        assertThat(claims).doesNotContainKey("email").containsEntry("azp", "portal-gateway");
    }

    @Test
    void servesDiscoveryAndCanSimulateAnOutage() throws Exception {
        JsonNode discovery = Json.parse(get(TestTokens.issuerUri() + "/.well-known/openid-configuration").body());
        assertThat(discovery.path("issuer").asString()).isEqualTo(TestTokens.issuerUri());
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(TestTokens.jwkSetUri());

        int before = TestTokens.jwksRequests();
        TestTokens.jwksAvailable(false);
        assertThat(get(TestTokens.jwkSetUri()).statusCode()).isEqualTo(503);
        TestTokens.jwksAvailable(true);
        assertThat(get(TestTokens.jwkSetUri()).statusCode()).isEqualTo(200);
        assertThat(TestTokens.jwksRequests()).isEqualTo(before + 2);
    }

    private static NimbusJwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(TestTokens.jwkSetUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(TestTokens.issuerUri()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains("brand-cluster-api"))));
        return decoder;
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
