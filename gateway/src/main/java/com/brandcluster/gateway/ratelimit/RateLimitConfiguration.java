package com.brandcluster.gateway.ratelimit;

import java.time.Clock;
import java.util.List;

import com.brandcluster.gateway.GatewayProperties;
import com.brandcluster.gateway.edge.TrustedProxies;
import io.lettuce.core.ClientOptions;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RequestRateLimiterGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The two rate limits ({@code brandcluster.gateway.rate-limit.*}): per client address and per user, as
 * {@code RequestRateLimiter} filters with their own {@link RedisRateLimiter} buckets. Not beans themselves: Spring
 * Cloud Gateway's auto-configuration keeps its single default limiter and key resolver, which no route uses.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    ApiRateLimits apiRateLimits(GatewayProperties properties, RequestRateLimiterGatewayFilterFactory factory,
            ReactiveStringRedisTemplate redis,
            @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
            ConfigurationService configurationService, TrustedProxies trustedProxies, Clock clock) {
        GatewayProperties.RateLimit limits = properties.rateLimit();
        if (!limits.enabled()) {
            return new ApiRateLimits(List.of());
        }
        ApiRateLimiter perIp = new ApiRateLimiter("Ip", limits.keyPrefix() + ":ip",
                new RedisRateLimiter(redis, script, configurationService), bucket(limits.perIp()), clock);
        ApiRateLimiter perUser = new ApiRateLimiter("User", limits.keyPrefix() + ":user",
                new RedisRateLimiter(redis, script, configurationService), bucket(limits.perUser()), clock);
        return new ApiRateLimits(List.of(
                filter(factory, perIp, new ClientAddressKeyResolver(trustedProxies)),
                filter(factory, perUser, new SubjectKeyResolver())));
    }

    /**
     * Redis calls fail at once while the connection is down (instead of waiting for the reconnection until the
     * command timeout), so that requests pass without delay when Redis is away.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDown() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    private static GatewayFilter filter(RequestRateLimiterGatewayFilterFactory factory, ApiRateLimiter limiter,
            KeyResolver keys) {
        RequestRateLimiterGatewayFilterFactory.Config config = new RequestRateLimiterGatewayFilterFactory.Config()
                .setRateLimiter(limiter)
                .setKeyResolver(keys)
                // no key (anonymous, for the per-user limit): this limit does not apply
                .setDenyEmptyKey(false)
                // a refusal is an error, answered as a problem detail by GatewayErrorHandler
                .setThrowOnLimit(true);
        config.setRouteId(limiter.bucketId());
        return factory.apply(config);
    }

    private static RedisRateLimiter.Config bucket(GatewayProperties.Bucket bucket) {
        return new RedisRateLimiter.Config()
                .setReplenishRate(bucket.replenishRate())
                .setBurstCapacity(bucket.burstCapacity());
    }
}
