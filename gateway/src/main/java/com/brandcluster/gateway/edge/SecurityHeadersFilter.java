package com.brandcluster.gateway.edge;

import com.brandcluster.gateway.GatewayProperties;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Sets the security headers on every response just before it is committed: proxied answers (replacing whatever a
 * service sent, so every answer carries the same policy), the gateway's own problem details and actuator responses.
 * The default Content-Security-Policy suits JSON APIs (nothing may load, nothing may frame it); the web UI will need
 * its own policy when the gateway serves it.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String REFERRER_POLICY = "Referrer-Policy";
    static final String X_CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    static final String X_FRAME_OPTIONS = "X-Frame-Options";

    private final GatewayProperties.Headers policy;

    SecurityHeadersFilter(GatewayProperties properties) {
        this.policy = properties.headers();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> apply(exchange.getResponse().getHeaders())));
        return chain.filter(exchange);
    }

    private void apply(HttpHeaders headers) {
        headers.set(X_CONTENT_TYPE_OPTIONS, "nosniff");
        headers.set(X_FRAME_OPTIONS, "DENY");
        if (StringUtils.hasText(policy.referrerPolicy())) {
            headers.set(REFERRER_POLICY, policy.referrerPolicy());
        }
        if (StringUtils.hasText(policy.contentSecurityPolicy())) {
            headers.set(CONTENT_SECURITY_POLICY, policy.contentSecurityPolicy());
        }
    }
}
