package com.brandcluster.gateway.session;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * TokenRelay for browser sessions, on every route: a request of a logged-in browser reaches the service with
 * {@code Authorization: Bearer <the session's access token>} (refreshed first when it has expired). A request with
 * its own bearer token (API client) or without a login passes as it came. The browser's credentials for the gateway
 * itself (the {@code SESSION} and {@code XSRF-TOKEN} cookies, the {@code X-XSRF-TOKEN} header) never reach a service.
 */
@Component
class SessionTokenRelay implements GlobalFilter, Ordered {

    private static final Set<String> GATEWAY_COOKIES = Set.of(GatewaySecurityConfiguration.SESSION_COOKIE,
            GatewaySecurityConfiguration.CSRF_COOKIE);

    private final SessionTokens tokens;

    SessionTokenRelay(SessionTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .flatMap(login -> tokens.accessToken(login, exchange))
                .map(accessToken -> forService(exchange, accessToken))
                .switchIfEmpty(Mono.fromSupplier(() -> forService(exchange, null)))
                .flatMap(chain::filter);
    }

    private static ServerWebExchange forService(ServerWebExchange exchange, @Nullable String accessToken) {
        List<String> otherCookies = exchange.getRequest().getCookies().values().stream()
                .flatMap(List::stream)
                .filter(cookie -> !GATEWAY_COOKIES.contains(cookie.getName()))
                .map(HttpCookie::toString)
                .toList();
        return exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove(GatewaySecurityConfiguration.CSRF_HEADER);
            headers.remove(HttpHeaders.COOKIE);
            if (!otherCookies.isEmpty()) {
                headers.set(HttpHeaders.COOKIE, otherCookies.stream().collect(Collectors.joining("; ")));
            }
            if (accessToken != null) {
                headers.setBearerAuth(accessToken);
            }
        })).build();
    }
}
