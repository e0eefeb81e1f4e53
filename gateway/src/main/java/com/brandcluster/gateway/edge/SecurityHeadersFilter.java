package com.brandcluster.gateway.edge;

import java.net.URI;

import com.brandcluster.gateway.GatewayProperties;
import com.brandcluster.gateway.session.BrowserSessionProperties;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Sets the security headers on every response just before it is committed ({@code Strict-Transport-Security} only on
 * answers to requests that came over TLS, to the gateway or to a trusted proxy: over plain HTTP it means nothing): proxied answers (replacing whatever a
 * service sent, so every answer carries the same policy), the gateway's own problem details, actuator responses and
 * the web UI. Three Content-Security-Policies, by path:
 * <ul>
 * <li>the APIs ({@code /api/**}, {@code /actuator/**}, {@code /v3/api-docs/**}) and every problem detail: nothing may
 * load, nothing may frame it;</li>
 * <li>Swagger UI ({@code /swagger-ui.html}, {@code /swagger-ui/**}, {@code /webjars/**}): its own files, and inline
 * styles, which it needs;</li>
 * <li>everything else, the single-page app: its own scripts, styles, images, fonts and API only (no inline script, no
 * eval), and forms may go to the gateway and to Keycloak (the logout form's redirect).</li>
 * </ul>
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String REFERRER_POLICY = "Referrer-Policy";
    static final String X_CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    static final String X_FRAME_OPTIONS = "X-Frame-Options";
    static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";

    private final GatewayProperties.Headers policy;
    private final String webPolicy;

    SecurityHeadersFilter(GatewayProperties properties, BrowserSessionProperties browser) {
        this.policy = properties.headers();
        this.webPolicy = policy.webContentSecurityPolicy() == null ? null : policy.webContentSecurityPolicy()
                .replace(GatewayProperties.Headers.KEYCLOAK_ORIGIN, origin(browser.keycloak().issuerUri()));
    }

    /** {@code scheme://host[:port]} of the realm the browser is sent to. */
    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> Mono.fromRunnable(() -> apply(path, response.getHeaders(),
                TrustedProxyTls.overTls(exchange))));
        return chain.filter(exchange);
    }

    private void apply(String path, HttpHeaders headers, boolean overTls) {
        headers.set(X_CONTENT_TYPE_OPTIONS, "nosniff");
        if (overTls && StringUtils.hasText(policy.strictTransportSecurity())) {
            headers.set(STRICT_TRANSPORT_SECURITY, policy.strictTransportSecurity());
        }
        headers.set(X_FRAME_OPTIONS, "DENY");
        if (StringUtils.hasText(policy.referrerPolicy())) {
            headers.set(REFERRER_POLICY, policy.referrerPolicy());
        }
        String csp = contentSecurityPolicy(path, headers.getContentType());
        if (StringUtils.hasText(csp)) {
            headers.set(CONTENT_SECURITY_POLICY, csp);
        }
    }

    private String contentSecurityPolicy(String path, MediaType contentType) {
        if (isApi(path) || MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType)) {
            return policy.contentSecurityPolicy();
        }
        if (path.equals("/swagger-ui.html") || under(path, "/swagger-ui") || under(path, "/webjars")) {
            return policy.apiDocsContentSecurityPolicy();
        }
        return webPolicy;
    }

    private static boolean isApi(String path) {
        return under(path, "/api") || under(path, "/actuator") || under(path, "/v3/api-docs");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
