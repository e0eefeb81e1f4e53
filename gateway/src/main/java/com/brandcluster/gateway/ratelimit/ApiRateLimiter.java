package com.brandcluster.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpHeaders;

/**
 * One of the gateway's two limits (per user, per client address): Spring Cloud Gateway's {@link RedisRateLimiter}
 * with one bucket configuration, whose answer it completes:
 * <ul>
 * <li>the headers name the limit ({@code X-RateLimit-<Scope>-Remaining}, {@code -Replenish-Rate},
 * {@code -Burst-Capacity}), so that both limits can be reported on one response;</li>
 * <li>a refusal carries {@code Retry-After}: the whole seconds until the bucket holds a token again (at least 1);</li>
 * <li>when Redis cannot be asked, {@link RedisRateLimiter} lets the request pass (fail open: the portal stays usable
 * without its limits); this limiter then drops the meaningless headers, warns when that starts and once a minute
 * while it lasts, and says when the limits apply again. {@code /actuator/health} shows Redis DOWN (component {@code redis}); Lettuce logs
 * why it cannot reconnect.</li>
 * </ul>
 */
final class ApiRateLimiter implements RateLimiter<RedisRateLimiter.Config> {

    static final String HEADER_PREFIX = "X-RateLimit-";
    static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(ApiRateLimiter.class);

    private final String scope;
    private final String bucketId;
    private final RedisRateLimiter redis;
    private final RedisRateLimiter.Config bucket;
    private final Clock clock;
    private final AtomicBoolean failingOpen = new AtomicBoolean();
    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.MIN);

    /**
     * @param scope    {@code User} or {@code Ip}: the headers' middle part
     * @param bucketId the id the buckets are kept under in Redis, with the key:
     *                 {@code request_rate_limiter.{<bucketId>.<key>}.tokens}
     */
    ApiRateLimiter(String scope, String bucketId, RedisRateLimiter redis, RedisRateLimiter.Config bucket, Clock clock) {
        this.scope = scope;
        this.bucketId = bucketId;
        this.redis = redis;
        this.bucket = bucket;
        this.clock = clock;
        redis.getConfig().put(bucketId, bucket);
    }

    /** The id to give the filter ({@code RequestRateLimiter}'s route id): every route shares these buckets. */
    String bucketId() {
        return bucketId;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return redis.isAllowed(routeId, id).map(this::complete);
    }

    private Response complete(Response answer) {
        long remaining = Long.parseLong(answer.getHeaders().getOrDefault(RedisRateLimiter.REMAINING_HEADER, "-1"));
        if (remaining < 0) {
            failingOpen();
            return new Response(true, Map.of());
        }
        if (failingOpen.compareAndSet(true, false)) {
            log.info("Redis answers again: the {} rate limit applies again", scope.toLowerCase());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HEADER_PREFIX + scope + "-Remaining", String.valueOf(remaining));
        headers.put(HEADER_PREFIX + scope + "-Replenish-Rate", String.valueOf(bucket.getReplenishRate()));
        headers.put(HEADER_PREFIX + scope + "-Burst-Capacity", String.valueOf(bucket.getBurstCapacity()));
        if (!answer.isAllowed()) {
            headers.put(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds(remaining)));
        }
        return new Response(answer.isAllowed(), headers);
    }

    /**
     * The bucket gets {@code replenishRate} tokens back each second (Redis's clock, whole seconds), so the request
     * fits again after {@code ceil((requested - remaining) / replenishRate)} seconds; at least one.
     */
    long retryAfterSeconds(long remaining) {
        long missing = Math.max(1, bucket.getRequestedTokens() - remaining);
        return Math.max(1, (missing + bucket.getReplenishRate() - 1) / bucket.getReplenishRate());
    }

    /** Warns when Redis stops answering, and again every minute while it does not. */
    private void failingOpen() {
        boolean started = failingOpen.compareAndSet(false, true);
        Instant now = clock.instant();
        Instant last = lastWarning.get();
        if ((started || now.isAfter(last.plus(WARNING_INTERVAL))) && lastWarning.compareAndSet(last, now)) {
            log.warn("Redis does not answer: requests pass without the {} rate limit (see /actuator/health)",
                    scope.toLowerCase());
        }
    }

    @Override
    public Map<String, RedisRateLimiter.Config> getConfig() {
        return redis.getConfig();
    }

    @Override
    public Class<RedisRateLimiter.Config> getConfigClass() {
        return redis.getConfigClass();
    }

    @Override
    public RedisRateLimiter.Config newConfig() {
        return redis.newConfig();
    }
}
