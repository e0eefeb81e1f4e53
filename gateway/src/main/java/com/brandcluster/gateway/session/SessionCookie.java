package com.brandcluster.gateway.session;

import com.brandcluster.gateway.edge.TrustedProxyTls;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.CookieWebSessionIdResolver;

/**
 * The browser session's cookie {@code SESSION}: HttpOnly (JavaScript never sees it), SameSite=Lax (not sent with
 * cross-site posts or subrequests), a browser-session cookie (no Max-Age: the session's end is decided server-side),
 * and Secure when the request came over TLS, also when a trusted proxy ended the TLS ({@link TrustedProxyTls}).
 */
@Component("webSessionIdResolver")
class SessionCookie extends CookieWebSessionIdResolver {

    SessionCookie() {
        setCookieName(GatewaySecurityConfiguration.SESSION_COOKIE);
        addCookieInitializer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
    }

    @Override
    public void setSessionId(ServerWebExchange exchange, String id) {
        super.setSessionId(exchange, id);
        secureOverTls(exchange);
    }

    @Override
    public void expireSession(ServerWebExchange exchange) {
        super.expireSession(exchange);
        secureOverTls(exchange);
    }

    private void secureOverTls(ServerWebExchange exchange) {
        ResponseCookie cookie = exchange.getResponse().getCookies().getFirst(getCookieName());
        if (cookie != null && !cookie.isSecure() && TrustedProxyTls.overTls(exchange)) {
            exchange.getResponse().getCookies().set(getCookieName(), cookie.mutate().secure(true).build());
        }
    }
}
