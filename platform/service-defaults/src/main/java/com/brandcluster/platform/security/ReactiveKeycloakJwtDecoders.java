package com.brandcluster.platform.security;

import java.time.Duration;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The reactive decoder: the same cached, outage-tolerant JWK source and validators as the servlet one. Looking up a
 * key may fetch the JWK set (blocking I/O), so it runs off the event loops, on a small scheduler of its own: work that
 * others put on the shared bounded-elastic scheduler can never starve token validation. A lookup that takes longer
 * than the JWK source's own worst case (a refresh wait plus two fetch attempts) is given up: the request is answered
 * 503 (tokens cannot be checked) instead of hanging.
 */
final class ReactiveKeycloakJwtDecoders {

    /** Threads for key lookups; they only block while the JWK set is fetched, which the cache makes rare. */
    private static final int LOOKUP_THREADS = 4;
    private static final int QUEUED_LOOKUPS = 10_000;
    private static final Scheduler LOOKUPS = Schedulers.newBoundedElastic(LOOKUP_THREADS, QUEUED_LOOKUPS,
            "jwk-lookup", 60, true);

    private ReactiveKeycloakJwtDecoders() {
    }

    static ReactiveJwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, SecurityProperties properties) {
        Duration lookupTimeout = lookupTimeout(properties.jwks());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> Mono
                        .fromCallable(() -> jwkSource.get(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())),
                                null))
                        .subscribeOn(LOOKUPS)
                        .timeout(lookupTimeout)
                        .flatMapMany(Flux::fromIterable))
                .build();
        decoder.setJwtValidator(KeycloakJwtValidation.validator(properties));
        // Nimbus reports keys it could not obtain as an IllegalStateException; as a JwtException that is not a
        // BadJwtException, Spring Security turns it into an AuthenticationServiceException: 503, not 401 or 500.
        return token -> decoder.decode(token).onErrorMap(ex -> !(ex instanceof JwtException),
                ex -> new JwtException("The signing keys could not be obtained", ex));
    }

    /** The longest a healthy lookup can take: waiting for another refresh, then a fetch and its one retry. */
    static Duration lookupTimeout(SecurityProperties.Jwks jwks) {
        Duration fetch = jwks.connectTimeout().plus(jwks.readTimeout());
        return jwks.refreshTimeout().plus(fetch.multipliedBy(2)).plusSeconds(1);
    }
}
