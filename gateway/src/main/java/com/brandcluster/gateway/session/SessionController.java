package com.brandcluster.gateway.session;

import java.net.URI;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.security.KeycloakRealmRolesConverter;
import com.brandcluster.platform.web.ForbiddenException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The browser session's own endpoints, answered by the gateway itself:
 * <ul>
 * <li>{@code GET /login?return_to=/path}: starts the Keycloak login; afterwards the browser lands on
 * {@code return_to} (a path of this site) or {@code /};</li>
 * <li>{@code GET /api/session}: who is logged in (claims of the token the services get); 401 problem when nobody;</li>
 * <li>{@code POST /api/session/refresh}: new tokens now (refresh grant), so that changed claims (a new
 * {@code enterprise_id}, {@code secretariat_of}) apply at once.</li>
 * </ul>
 * {@code POST /logout} is Spring Security's (see {@link GatewaySecurityConfiguration}).
 */
@RestController
class SessionController {

    static final String SESSION_PATH = "/api/session";
    static final String LOGIN_PATH = "/login";
    static final URI START_LOGIN = URI.create("/oauth2/authorization/" + GatewaySecurityConfiguration.REGISTRATION_ID);

    private final SessionTokens tokens;
    private final ReactiveJwtDecoder jwtDecoder;
    private final KeycloakRealmRolesConverter roles = new KeycloakRealmRolesConverter();

    SessionController(SessionTokens tokens, ReactiveJwtDecoder jwtDecoder) {
        this.tokens = tokens;
        this.jwtDecoder = jwtDecoder;
    }

    @GetMapping(LOGIN_PATH)
    Mono<Void> login(@RequestParam(name = "return_to", required = false) @Nullable String returnTo,
            ServerWebExchange exchange) {
        return exchange.getSession().flatMap(session -> {
            session.getAttributes().put(GatewaySecurityConfiguration.RETURN_TO, sitePathOrRoot(returnTo));
            exchange.getResponse().setStatusCode(HttpStatus.FOUND);
            exchange.getResponse().getHeaders().setLocation(START_LOGIN);
            return exchange.getResponse().setComplete();
        });
    }

    /** A browser session answers from its (refreshed if expired) access token, an API client from its bearer token. */
    @GetMapping(SESSION_PATH)
    Mono<SessionView> session(ServerWebExchange exchange) {
        return exchange.getPrincipal().flatMap(principal -> switch (principal) {
            case OAuth2AuthenticationToken login -> tokens.accessToken(login, exchange).flatMap(this::viewOf);
            case JwtAuthenticationToken bearer -> Mono.just(viewOf(bearer));
            default -> Mono.error(new ForbiddenException("Not a Keycloak login."));
        });
    }

    @PostMapping(SESSION_PATH + "/refresh")
    Mono<SessionView> refresh(ServerWebExchange exchange) {
        return exchange.getPrincipal().flatMap(principal -> principal instanceof OAuth2AuthenticationToken login
                ? tokens.refreshedAccessToken(login, exchange).flatMap(this::viewOf)
                : Mono.<SessionView>error(new ForbiddenException(
                        "Only browser sessions are refreshed here; an API client gets new tokens from Keycloak.")));
    }

    /** Decoded and checked like the services do (signature, issuer, audience, expiry). */
    private Mono<SessionView> viewOf(String accessToken) {
        return jwtDecoder.decode(accessToken).map(jwt -> viewOf(new JwtAuthenticationToken(jwt, roles.convert(jwt))));
    }

    private static SessionView viewOf(JwtAuthenticationToken token) {
        return SessionView.of(Caller.from(token), (Jwt) token.getPrincipal());
    }

    /** Only a path of this site (no scheme, no host, no {@code //} or backslash): never an open redirect. */
    static String sitePathOrRoot(@Nullable String target) {
        if (target == null || !target.startsWith("/") || target.startsWith("//") || target.contains("\\")) {
            return "/";
        }
        for (int i = 0; i < target.length(); i++) {
            if (Character.isISOControl(target.charAt(i)) || Character.isWhitespace(target.charAt(i))) {
                return "/";
            }
        }
        return target;
    }
}
