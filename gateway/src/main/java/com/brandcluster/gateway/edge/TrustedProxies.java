package com.brandcluster.gateway.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The peers whose {@code X-Forwarded-*} headers the gateway believes: the same regular expression on the peer's
 * address as Spring Cloud Gateway's own ({@code spring.cloud.gateway.server.webflux.trusted-proxies}); none when it is
 * empty. Used for the TLS a proxy ended ({@link TrustedProxyTls}) and for the client address of a request (rate
 * limits).
 */
@Component
public class TrustedProxies {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final @Nullable Pattern trusted;

    public TrustedProxies(@Value("${spring.cloud.gateway.server.webflux.trusted-proxies:}") String trustedProxies) {
        this.trusted = StringUtils.hasText(trustedProxies) ? Pattern.compile(trustedProxies) : null;
    }

    /** Whether the request came straight from a trusted proxy. */
    public boolean fromTrustedProxy(ServerHttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        return peer != null && peer.getAddress() != null && isTrusted(peer.getAddress().getHostAddress());
    }

    /**
     * The address of the client that sent the request: the peer itself, unless the peer is a trusted proxy; then the
     * nearest address of {@code X-Forwarded-For} (read from the right) that is not a trusted proxy, which the last
     * trusted proxy saw connecting. Addresses further left were written by the client or by untrusted hops and are
     * ignored, so nobody dodges a limit by sending {@code X-Forwarded-For}. Null when the peer is unknown.
     */
    public @Nullable InetAddress clientAddress(ServerHttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer == null || peer.getAddress() == null) {
            return null;
        }
        InetAddress client = peer.getAddress();
        if (!isTrusted(client.getHostAddress())) {
            return client;
        }
        List<String> forwarded = forwardedFor(request);
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            InetAddress hop = literalAddress(forwarded.get(i));
            if (hop == null) {
                // not an address (a name, "unknown", garbage): nothing further left can be believed
                return client;
            }
            client = hop;
            if (!isTrusted(hop.getHostAddress())) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return trusted != null && trusted.matcher(address).matches();
    }

    private static List<String> forwardedFor(ServerHttpRequest request) {
        List<String> values = request.getHeaders().get(X_FORWARDED_FOR);
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(value -> Arrays.stream(StringUtils.commaDelimitedListToStringArray(value)))
                .map(String::trim)
                .filter(StringUtils::hasText)
                .toList();
    }

    /** An IPv4 or IPv6 literal (IPv6 possibly in brackets); null for anything else: no name is ever looked up. */
    private static @Nullable InetAddress literalAddress(String value) {
        String literal = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        boolean ipv4 = IPV4.matcher(literal).matches();
        boolean ipv6 = IPV6.matcher(literal).matches();
        if (!ipv4 && !ipv6) {
            return null;
        }
        if (ipv4 && Arrays.stream(literal.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
            return null;
        }
        try {
            // a literal only (checked above): getByName parses it and looks nothing up
            return InetAddress.getByName(literal);
        }
        catch (UnknownHostException ex) {
            return null;
        }
    }
}
