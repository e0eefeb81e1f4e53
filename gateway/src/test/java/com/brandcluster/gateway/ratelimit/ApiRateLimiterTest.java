package com.brandcluster.gateway.ratelimit;

import java.time.Clock;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Retry-After}: the whole seconds until the bucket holds the request again, never 0. */
class ApiRateLimiterTest {

    @ParameterizedTest(name = "{0}/s, {1} requested, {2} left -> {3} s")
    @CsvSource({ "1, 1, 0, 1", "10, 1, 0, 1", "2, 5, 0, 3", "2, 5, 4, 1", "3, 7, 1, 2", "1, 1, 1, 1" })
    void waitsUntilTheBucketHoldsTheRequestAgain(int replenishRate, int requested, long remaining, long seconds) {
        RedisRateLimiter.Config bucket = new RedisRateLimiter.Config().setReplenishRate(replenishRate)
                .setBurstCapacity(100).setRequestedTokens(requested);
        ApiRateLimiter limiter = new ApiRateLimiter("User", "test:user", new RedisRateLimiter(1, 1), bucket,
                Clock.systemUTC());

        assertThat(limiter.retryAfterSeconds(remaining)).isEqualTo(seconds);
    }
}
