package com.brandcluster.platform.security;

import java.net.MalformedURLException;
import java.util.List;
import java.util.Objects;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * The pieces of JWT validation shared by the servlet and the reactive resource server: the cached, outage-tolerant
 * JWK source, the validators (signature is checked by the decoder; then expiry with clock skew, issuer, audience)
 * and the authentication converter (realm roles to {@code ROLE_*}).
 */
final class KeycloakJwtValidation {

    private static final Logger log = LoggerFactory.getLogger(KeycloakJwtValidation.class);

    private KeycloakJwtValidation() {
    }

    /**
     * The JWK set of {@link SecurityProperties#effectiveJwkSetUri()}: fetched lazily on the first token (never at
     * startup), cached, refreshed ahead of expiry, refetched (rate-limited) for an unknown key id, retried once, and
     * kept for {@code outage-tolerance} when the endpoint cannot be reached.
     */
    static JWKSource<SecurityContext> jwkSource(SecurityProperties properties) {
        SecurityProperties.Jwks jwks = properties.jwks();
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(
                Math.toIntExact(jwks.connectTimeout().toMillis()), Math.toIntExact(jwks.readTimeout().toMillis()),
                JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
        JWKSourceBuilder<SecurityContext> builder;
        try {
            builder = JWKSourceBuilder.create(properties.effectiveJwkSetUri().toURL(), retriever);
        }
        catch (MalformedURLException | IllegalArgumentException ex) {
            throw new IllegalStateException("brandcluster.security.jwk-set-uri is not a valid URL", ex);
        }
        long ttl = jwks.cacheTtl().toMillis();
        builder.cache(ttl, jwks.refreshTimeout().toMillis());
        if (jwks.refreshAhead().isZero() || jwks.refreshAhead().toMillis() + jwks.refreshTimeout().toMillis() > ttl) {
            builder.refreshAheadCache(false);
        }
        else {
            builder.refreshAheadCache(jwks.refreshAhead().toMillis(), false);
        }
        builder.rateLimited(Math.min(jwks.minRefreshInterval().toMillis(), ttl - 1));
        builder.retrying(true);
        builder.outageTolerant(jwks.outageTolerance().toMillis(), event -> {
            if (event instanceof OutageTolerantJWKSetSource.OutageEvent<?> outage) {
                log.warn("JWK set endpoint unreachable; validating tokens with the cached keys for up to {} s more",
                        outage.getRemainingTime() / 1000);
            }
        });
        return builder.build();
    }

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        List<String> audiences = properties.audiences();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.stream().anyMatch(audiences::contains));
        return new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.requiredIssuerUri().toString()),
                audience);
    }

    /** A servlet decoder: signature (RS256) with keys from the JWK source, then {@link #validator}. */
    static JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRolesConverter());
        return converter;
    }
}
