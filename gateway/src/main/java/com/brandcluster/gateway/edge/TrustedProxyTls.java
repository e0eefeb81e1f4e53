package com.brandcluster.gateway.edge;

import java.net.URI;
import java.security.cert.X509Certificate;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * TLS ends at the ingress; the gateway then sees plain HTTP. A request from a trusted proxy (the same peers whose
 * {@code X-Forwarded-*} headers Spring Cloud Gateway believes: {@code spring.cloud.gateway.server.webflux.trusted-proxies})
 * ({@link TrustedProxies}) with {@code X-Forwarded-Proto: https} is treated as a TLS request: its URI has the {@code https} scheme (the login
 * redirect URI and the post-logout URI are built from it) and it counts as secure, so the session and CSRF cookies
 * get the {@code Secure} attribute. Anyone else's {@code X-Forwarded-Proto} changes nothing. Nothing else of the
 * request changes (the headers reach the services as Spring Cloud Gateway's own filter decides).
 * <p>
 * The session cookie is written for the exchange as it arrived, before any filter could change it, so it asks
 * {@link #overTls(ServerWebExchange)} (an exchange attribute, shared by every view of the exchange).
 */
@Component
public class TrustedProxyTls implements WebFilter, Ordered {

    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String OVER_TLS = TrustedProxyTls.class.getName() + ".overTls";

    private final TrustedProxies trustedProxies;

    TrustedProxyTls(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** Whether the request came over TLS, to the gateway itself or to a trusted proxy in front of it. */
    public static boolean overTls(ServerWebExchange exchange) {
        return exchange.getRequest().getSslInfo() != null || Boolean.TRUE.equals(exchange.getAttribute(OVER_TLS));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getSslInfo() != null || !forwardedOverTls(request) || !trustedProxies.fromTrustedProxy(request)) {
            return chain.filter(exchange);
        }
        exchange.getAttributes().put(OVER_TLS, Boolean.TRUE);
        URI secure = UriComponentsBuilder.fromUri(request.getURI()).scheme("https").build(true).toUri();
        return chain.filter(exchange.mutate()
                .request(request.mutate().uri(secure).sslInfo(TerminatedByProxy.INSTANCE).build())
                .build());
    }

    private static boolean forwardedOverTls(ServerHttpRequest request) {
        String proto = request.getHeaders().getFirst(X_FORWARDED_PROTO);
        if (proto == null) {
            return false;
        }
        int comma = proto.indexOf(',');
        return "https".equalsIgnoreCase((comma < 0 ? proto : proto.substring(0, comma)).trim());
    }

    /** TLS that a proxy terminated: no session id, no client certificate the gateway could know of. */
    private enum TerminatedByProxy implements SslInfo {
        INSTANCE;

        @Override
        public @Nullable String getSessionId() {
            return null;
        }

        @Override
        public X509Certificate @Nullable [] getPeerCertificates() {
            return null;
        }
    }
}
