package com.brandcluster.gateway.edge;

import java.net.InetSocketAddress;
import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The client address behind trusted proxies: never further left than the first address no trusted proxy wrote. */
class TrustedProxiesTest {

    final TrustedProxies proxies = new TrustedProxies("127\\.0\\.0\\.1|10\\.\\d+\\.\\d+\\.\\d+");

    @ParameterizedTest(name = "{0} forwarding [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            // a trusted proxy names the client
            "10.0.0.7    | 203.0.113.9                          | 203.0.113.9",
            // the client's own claims in front of what the proxy saw do not count
            "10.0.0.7    | 198.51.100.1, 203.0.113.9            | 203.0.113.9",
            // two trusted proxies: the address the outer one saw
            "127.0.0.1   | 198.51.100.1, 203.0.113.9, 10.0.0.7  | 203.0.113.9",
            // an IPv6 client, with or without brackets
            "10.0.0.7    | [2001:db8::1]                        | 2001:db8:0:0:0:0:0:1",
            "10.0.0.7    | 2001:db8::1                          | 2001:db8:0:0:0:0:0:1",
            // only trusted proxies in the chain: the outermost one
            "10.0.0.7    | 10.0.0.8                             | 10.0.0.8",
            // something that is no address: nothing further left is believed, the proxy itself counts
            "10.0.0.7    | 198.51.100.1, unknown                | 10.0.0.7",
            "10.0.0.7    | 198.51.100.1, 300.1.1.1              | 10.0.0.7",
            "10.0.0.7    | 198.51.100.1, attacker.example       | 10.0.0.7",
            // an untrusted peer is the client, whatever it says
            "203.0.113.9 | 198.51.100.1                         | 203.0.113.9",
            "10.0.0.7    | ''                                   | 10.0.0.7" })
    void findsTheClientThatTheNearestTrustedProxySaw(String peer, String forwardedFor, String client) {
        assertThat(proxies.clientAddress(request(peer, forwardedFor)).getHostAddress()).isEqualTo(client);
    }

    @Test
    void readsEveryForwardedForHeaderInOrder() {
        ServerHttpRequest request = MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://portal.example/api"))
                .remoteAddress(new InetSocketAddress("10.0.0.7", 41234))
                .header(TrustedProxies.X_FORWARDED_FOR, "198.51.100.1")
                .header(TrustedProxies.X_FORWARDED_FOR, "203.0.113.9, 10.0.0.8")
                .build();

        assertThat(proxies.clientAddress(request).getHostAddress()).isEqualTo("203.0.113.9");
    }

    @Test
    void trustsNobodyWithoutTrustedProxies() {
        TrustedProxies nobody = new TrustedProxies("");

        assertThat(nobody.clientAddress(request("10.0.0.7", "203.0.113.9")).getHostAddress()).isEqualTo("10.0.0.7");
        assertThat(nobody.fromTrustedProxy(request("127.0.0.1", ""))).isFalse();
        assertThat(proxies.fromTrustedProxy(request("127.0.0.1", ""))).isTrue();
        assertThat(proxies.fromTrustedProxy(request("203.0.113.9", ""))).isFalse();
    }

    private static ServerHttpRequest request(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest
                .method(HttpMethod.GET, URI.create("http://portal.example/api/events/events"))
                .remoteAddress(new InetSocketAddress(peer, 41234));
        if (!forwardedFor.isEmpty()) {
            request.header(TrustedProxies.X_FORWARDED_FOR, forwardedFor);
        }
        return request.build();
    }
}
