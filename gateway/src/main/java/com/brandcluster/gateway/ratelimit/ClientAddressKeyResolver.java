package com.brandcluster.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import com.brandcluster.gateway.edge.TrustedProxies;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * The per-address bucket's key: the client's address as {@link TrustedProxies} finds it (the peer, or what a trusted
 * proxy says in {@code X-Forwarded-For}). An IPv6 client counts by its /64 network: one subscriber usually gets a
 * whole /64 and could otherwise take a fresh address for every request.
 */
final class ClientAddressKeyResolver implements KeyResolver {

    private static final int IPV6_NETWORK_BYTES = 8;

    private final TrustedProxies trustedProxies;

    ClientAddressKeyResolver(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return Mono.justOrEmpty(trustedProxies.clientAddress(exchange.getRequest()))
                .map(ClientAddressKeyResolver::key);
    }

    static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] network = Arrays.copyOf(Arrays.copyOf(address.getAddress(), IPV6_NETWORK_BYTES), 16);
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            catch (UnknownHostException ex) {
                throw new IllegalStateException("16 bytes are an IPv6 address", ex);
            }
        }
        return address.getHostAddress();
    }
}
