package com.brandcluster.gateway;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Typed configuration of the gateway ({@code brandcluster.gateway.*}). Timeouts of the downstream HTTP client are
 * Spring Cloud Gateway's own ({@code spring.cloud.gateway.server.webflux.httpclient.*}).
 *
 * @param services base URIs (scheme, host, port) of the services
 * @param requestSize request body limits
 * @param headers security headers added to every response
 * @param rateLimit rate limits of the requests to the services
 */
@ConfigurationProperties("brandcluster.gateway")
public record GatewayProperties(@DefaultValue Services services, @DefaultValue RequestSize requestSize,
        @DefaultValue Headers headers, @DefaultValue RateLimit rateLimit) {

    /**
     * Where the services listen. Only scheme, host and port are used: the request path is forwarded unchanged.
     */
    public record Services(@DefaultValue("http://localhost:8081") URI membership,
            @DefaultValue("http://localhost:8082") URI events,
            @DefaultValue("http://localhost:8083") URI salons,
            @DefaultValue("http://localhost:8084") URI assets,
            @DefaultValue("http://localhost:8085") URI notifications) {

        /** The routes, one per service; the route id is the service's name. */
        public List<ServiceRoute> routes() {
            return List.of(
                    new ServiceRoute("membership-service", "/api/membership/**", membership),
                    new ServiceRoute("events-service", "/api/events/**", events),
                    new ServiceRoute("expert-salon-service", "/api/salons/**", salons),
                    new ServiceRoute("branding-assets-service", "/api/assets/**", assets),
                    new ServiceRoute("notification-service", "/api/notifications/**", notifications));
        }
    }

    /** One route: requests whose path matches {@code pathPattern} go to {@code uri}, path and query unchanged. */
    public record ServiceRoute(String id, String pathPattern, URI uri) {
    }

    /**
     * Request body limits: {@code max} for every route, unless {@code perService} (keyed by service name, e.g.
     * {@code branding-assets-service}) says otherwise. Declared ({@code Content-Length}) and chunked bodies alike.
     */
    public record RequestSize(@DefaultValue("1MB") DataSize max, Map<String, DataSize> perService) {

        public RequestSize {
            perService = perService == null ? Map.of() : Map.copyOf(perService);
        }

        public DataSize limitFor(String service) {
            return perService.getOrDefault(service, max);
        }
    }

    /**
     * Security headers set on every response of the gateway, proxied or its own (replacing what a service sent).
     * {@code X-Content-Type-Options: nosniff} and {@code X-Frame-Options: DENY} are always set.
     *
     * @param contentSecurityPolicy         for the APIs ({@code /api/**}, {@code /actuator/**}, {@code /v3/api-docs})
     *                                      and every problem detail: nothing may load, nothing may frame it
     * @param webContentSecurityPolicy      for the web UI (the single-page app, its files, the OpenAPI documents);
     *                                      {@value #KEYCLOAK_ORIGIN} stands for Keycloak's browser-facing origin (the
     *                                      logout form's redirect goes there)
     * @param apiDocsContentSecurityPolicy  for Swagger UI ({@code /swagger-ui.html}, {@code /swagger-ui/**},
     *                                      {@code /webjars/**}), which styles its elements inline
     */
    public record Headers(
            @DefaultValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
            String contentSecurityPolicy,
            @DefaultValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                    + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                    + "frame-ancestors 'none'; form-action 'self' " + KEYCLOAK_ORIGIN)
            String webContentSecurityPolicy,
            @DefaultValue("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                    + "frame-ancestors 'none'; form-action 'self'")
            String apiDocsContentSecurityPolicy,
            @DefaultValue("no-referrer") String referrerPolicy,
            @DefaultValue("max-age=31536000; includeSubDomains") String strictTransportSecurity) {

        public static final String KEYCLOAK_ORIGIN = "{keycloak-origin}";
    }

    /**
     * Rate limits of the requests to the services ({@code /api/**} routes): token buckets in Redis (Spring Cloud
     * Gateway's {@code RedisRateLimiter}), one per user and one per client address, both applied to every request;
     * anonymous requests have the address's only. A bucket holds {@code burstCapacity} requests and gets
     * {@code replenishRate} back every second; it is shared by all routes and all gateway instances.
     *
     * @param enabled   false: no limits (and no Redis calls)
     * @param keyPrefix starts every bucket's key in Redis: separates portals (or test runs) sharing one Redis
     * @param perUser   the bucket of each authenticated user (bearer token or browser session), by subject
     * @param perIp     the bucket of each client address (IPv6: each /64 network)
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("portal") String keyPrefix,
            @DefaultValue PerUser perUser, @DefaultValue PerIp perIp) {
    }

    /** A token bucket: {@code burstCapacity} requests at once, {@code replenishRate} more every second. */
    public interface Bucket {

        int replenishRate();

        int burstCapacity();
    }

    /** Per user: a page of the web UI with its pictures, and an API client's batch, fit in the burst. */
    public record PerUser(@DefaultValue("10") int replenishRate, @DefaultValue("100") int burstCapacity)
            implements Bucket {
    }

    /** Per client address: several users behind one office router, anonymous visitors of the public pages. */
    public record PerIp(@DefaultValue("30") int replenishRate, @DefaultValue("200") int burstCapacity)
            implements Bucket {
    }
}
