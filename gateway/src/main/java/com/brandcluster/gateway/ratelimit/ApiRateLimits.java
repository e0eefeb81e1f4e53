package com.brandcluster.gateway.ratelimit;

import java.util.List;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;

/**
 * The rate limits every route to a service gets: Spring Cloud Gateway's {@code RequestRateLimiter} filter, once per
 * client address and once per user (in this order), each refusing with 429 as a problem detail. They run before the
 * browser session's token is relayed (and perhaps refreshed at Keycloak): a refused request costs one Redis call.
 */
public final class ApiRateLimits {

    /** Before {@code SessionTokenRelay} (0) and Spring Cloud Gateway's routing filters. */
    static final int ORDER = -100;

    private final List<GatewayFilter> filters;

    ApiRateLimits(List<GatewayFilter> filters) {
        this.filters = List.copyOf(filters);
    }

    /** Adds the limits to a route's filters. */
    public GatewayFilterSpec applyTo(GatewayFilterSpec spec) {
        for (GatewayFilter filter : filters) {
            spec.filter(filter, ORDER);
        }
        return spec;
    }
}
