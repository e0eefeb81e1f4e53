package com.brandcluster.gateway.edge;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** The path and query stay byte for byte: the gateway forwards them unchanged. */
class TrustedProxyTlsTest {

    static final String TRUSTED = "127\\.0\\.0\\.1|10\\.\\d+\\.\\d+\\.\\d+";

    final TrustedProxyTls filter = new TrustedProxyTls(new TrustedProxies(TRUSTED));

    @ParameterizedTest(name = "{0} says {1}")
    @CsvSource({ "10.0.0.7, https", "10.0.0.7, 'https, http'", "127.0.0.1, HTTPS" })
    void treatsTlsThatATrustedProxyEndedAsTls(String peer, String proto) {
        ServerHttpRequest seen = filtered(peer, proto);

        assertThat(seen.getURI().getScheme()).isEqualTo("https");
        assertThat(seen.getURI().getHost()).isEqualTo("portal.example");
        assertThat(seen.getURI().getRawPath()).isEqualTo("/api/session");
        assertThat(seen.getURI().getRawQuery()).isEqualTo("a=%2F");
        assertThat(seen.getSslInfo()).isNotNull();
        assertThat(seen.getHeaders().getFirst(TrustedProxyTls.X_FORWARDED_PROTO)).isEqualTo(proto);
    }

    @ParameterizedTest(name = "{0} says {1}")
    @CsvSource({ "203.0.113.9, https", "10.0.0.7, http", "10.0.0.7, 'http, https'" })
    void ignoresTheClaimOfAnUntrustedPeerAndPlainHttp(String peer, String proto) {
        ServerHttpRequest seen = filtered(peer, proto);

        assertThat(seen.getURI().getScheme()).isEqualTo("http");
        assertThat(seen.getSslInfo()).isNull();
    }

    @Test
    void trustsNobodyWithoutTrustedProxies() {
        AtomicReference<ServerHttpRequest> seen = new AtomicReference<>();
        new TrustedProxyTls(new TrustedProxies("")).filter(exchange("10.0.0.7", "https"), exchange -> {
            seen.set(exchange.getRequest());
            return Mono.empty();
        }).block();

        assertThat(seen.get().getURI().getScheme()).isEqualTo("http");
    }

    private ServerHttpRequest filtered(String peer, String proto) {
        AtomicReference<ServerHttpRequest> seen = new AtomicReference<>();
        filter.filter(exchange(peer, proto), exchange -> {
            seen.set(exchange.getRequest());
            return Mono.empty();
        }).block();
        return seen.get();
    }

    private static MockServerWebExchange exchange(String peer, String proto) {
        return MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.GET,
                        URI.create("http://portal.example/api/session?a=%2F"))
                .remoteAddress(new InetSocketAddress(peer, 41234))
                .header(TrustedProxyTls.X_FORWARDED_PROTO, proto));
    }
}
