package com.brandcluster.gateway.session;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Spring Security creates the CSRF token lazily; the SPA needs the {@code XSRF-TOKEN} cookie before its first unsafe
 * request. So every answer to a browser that has a session cookie carries the CSRF cookie when the browser does not
 * have it yet, also answers that end inside the browser chain (a 401, the redirect to Keycloak). Only requests with
 * a session cookie are CSRF-checked, so nobody else needs one: anonymous browsers and API clients never get it.
 * Runs in the browser chain right after the CSRF filter, which puts the deferred token into the exchange.
 */
class CsrfTokenCookie implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null || !hasSessionCookie(exchange)) {
            return chain.filter(exchange);
        }
        return token.then(chain.filter(exchange));
    }

    private static boolean hasSessionCookie(ServerWebExchange exchange) {
        return exchange.getRequest().getCookies().containsKey(GatewaySecurityConfiguration.SESSION_COOKIE);
    }
}
