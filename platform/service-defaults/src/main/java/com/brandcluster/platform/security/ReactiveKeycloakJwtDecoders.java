package com.brandcluster.platform.security;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The reactive decoder: the same cached, outage-tolerant JWK source and validators as the servlet one. Looking up a
 * key may fetch the JWK set (blocking I/O), so it runs on the bounded-elastic scheduler, never on an event loop.
 */
final class ReactiveKeycloakJwtDecoders {

    private ReactiveKeycloakJwtDecoders() {
    }

    static ReactiveJwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, SecurityProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> Mono
                        .fromCallable(() -> jwkSource.get(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())),
                                null))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMapMany(Flux::fromIterable))
                .build();
        decoder.setJwtValidator(KeycloakJwtValidation.validator(properties));
        return decoder;
    }
}
