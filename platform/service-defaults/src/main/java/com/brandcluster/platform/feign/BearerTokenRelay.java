package com.brandcluster.platform.feign;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Relays the caller's bearer token on Feign calls made while serving a user's request, so the called service
 * authorises the same person. The token comes from the security context of the calling thread. In case a call runs
 * on another thread (a circuit breaker with its own thread pool), {@link #capture()} — called by the platform on the
 * caller's thread before the call leaves it — also stores it in the request attributes, which Spring Cloud OpenFeign
 * hands to that thread. Calls outside a user request (listeners, schedulers) carry no token. An
 * {@code Authorization} header set explicitly on the call is left alone.
 */
final class BearerTokenRelay implements RequestInterceptor {

    static final String TOKEN_ATTRIBUTE = BearerTokenRelay.class.getName() + ".token";

    @Override
    public void apply(RequestTemplate template) {
        if (template.headers().containsKey(HttpHeaders.AUTHORIZATION)) {
            return;
        }
        String token = currentToken();
        if (token == null) {
            RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
            Object captured = attributes != null
                    ? attributes.getAttribute(TOKEN_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) : null;
            token = captured instanceof String value ? value : null;
        }
        if (token != null) {
            template.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
    }

    /** Stores the calling thread's token in the current request's attributes (no-op outside a request). */
    static void capture() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        String token = currentToken();
        if (attributes != null && token != null) {
            attributes.setAttribute(TOKEN_ATTRIBUTE, token, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static @Nullable String currentToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> bearer
                && authentication.isAuthenticated()) {
            return bearer.getToken().getTokenValue();
        }
        return null;
    }
}
