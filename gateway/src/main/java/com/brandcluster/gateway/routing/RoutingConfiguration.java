package com.brandcluster.gateway.routing;

import com.brandcluster.gateway.GatewayProperties;
import com.brandcluster.gateway.GatewayProperties.ServiceRoute;
import com.brandcluster.gateway.ratelimit.ApiRateLimits;
import com.brandcluster.platform.security.ReactiveHttpAuthorizations;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per service, built from {@link GatewayProperties.Services}: the path and query string reach the service
 * unchanged (each service serves its API under the same path as the gateway), as do the {@code Authorization} header
 * and every other end-to-end header. Each route has the rate limits ({@link ApiRateLimits}).
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, GatewayProperties properties, ApiRateLimits rateLimits) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (ServiceRoute route : properties.services().routes()) {
            routes.route(route.id(), spec -> spec.path(route.pathPattern())
                    .filters(rateLimits::applyTo)
                    .uri(route.uri()));
        }
        return routes.build();
    }

    /**
     * The gateway authenticates, the services authorise. A request without a token passes through, so that each
     * service decides (cluster pages, the directory and membership verification are public); a request with a
     * bearer token that is invalid, expired, for another audience or from another issuer is refused here with 401,
     * before any service sees it.
     */
    @Bean
    ReactiveHttpAuthorizations apiRequestsReachTheServices() {
        return exchanges -> exchanges.pathMatchers("/api/**").permitAll();
    }
}
