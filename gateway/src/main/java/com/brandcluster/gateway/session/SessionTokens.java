package com.brandcluster.gateway.session;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * The access token of a browser session. Kept in the session (so any gateway instance has it); refreshed with the
 * refresh token when it has expired, or on demand ({@link #refreshedAccessToken}). When Keycloak refuses to refresh
 * (its session ended), the gateway session is invalidated and the caller gets {@link SessionEndedException}.
 */
@Component
class SessionTokens {

    /** Makes every token look expired to the refresh provider: a refresh on demand. */
    private static final Duration ALWAYS_EXPIRED = Duration.ofDays(3650);

    private static final Logger log = LoggerFactory.getLogger(SessionTokens.class);

    private final ReactiveOAuth2AuthorizedClientManager whenExpired;
    private final ReactiveOAuth2AuthorizedClientManager now;

    SessionTokens(ReactiveOAuth2AuthorizedClientManager authorizedClientManager,
            ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients, Clock clock) {
        this.whenExpired = authorizedClientManager;
        RefreshTokenReactiveOAuth2AuthorizedClientProvider refresh = new RefreshTokenReactiveOAuth2AuthorizedClientProvider();
        refresh.setClock(clock);
        refresh.setClockSkew(ALWAYS_EXPIRED);
        DefaultReactiveOAuth2AuthorizedClientManager onDemand =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        onDemand.setAuthorizedClientProvider(refresh);
        this.now = onDemand;
    }

    /** The session's access token, refreshed first if it has expired. */
    Mono<String> accessToken(OAuth2AuthenticationToken login, ServerWebExchange exchange) {
        return authorize(whenExpired, login, exchange);
    }

    /** New tokens from Keycloak now (refresh grant), e.g. after the user's claims changed. */
    Mono<String> refreshedAccessToken(OAuth2AuthenticationToken login, ServerWebExchange exchange) {
        return authorize(now, login, exchange);
    }

    private Mono<String> authorize(ReactiveOAuth2AuthorizedClientManager manager, OAuth2AuthenticationToken login,
            ServerWebExchange exchange) {
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
                .withClientRegistrationId(login.getAuthorizedClientRegistrationId())
                .principal(login)
                .attribute(ServerWebExchange.class.getName(), exchange)
                .build();
        return manager.authorize(request)
                .map(client -> client.getAccessToken().getTokenValue())
                .onErrorResume(ClientAuthorizationException.class,
                        refused -> ended(exchange, refused.getError().getErrorCode()))
                .switchIfEmpty(Mono.defer(() -> ended(exchange, "no tokens in the session")));
    }

    private static Mono<String> ended(ServerWebExchange exchange, String reason) {
        log.info("A browser session ended: {}", reason);
        return exchange.getSession()
                .flatMap(WebSession::invalidate)
                .then(Mono.error(new SessionEndedException()));
    }
}
