package com.brandcluster.gateway.ratelimit;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;

/**
 * The per-user bucket's key: the subject ({@code sub}) of the authenticated caller, whether it sent a bearer token
 * (API client) or a browser session (the Keycloak login's subject). Empty for an anonymous request, which then has
 * the per-address limit only.
 */
final class SubjectKeyResolver implements KeyResolver {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(Authentication.class::isInstance)
                .cast(Authentication.class)
                .filter(authentication -> authentication.isAuthenticated() && !TRUST.isAnonymous(authentication))
                .mapNotNull(SubjectKeyResolver::subject);
    }

    /** A token's {@code sub}; a browser login's name, which is its ID token's {@code sub}. */
    private static String subject(Authentication authentication) {
        return authentication.getPrincipal() instanceof Jwt jwt && jwt.getSubject() != null ? jwt.getSubject()
                : authentication.getName();
    }
}
