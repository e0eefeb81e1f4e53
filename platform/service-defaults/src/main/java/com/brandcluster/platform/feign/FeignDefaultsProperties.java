package com.brandcluster.platform.feign;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code brandcluster.feign.*}. Timeouts are Spring Cloud OpenFeign's own
 * ({@code spring.cloud.openfeign.client.config.default.connect-timeout/read-timeout}, defaults 2s/5s here); the
 * circuit breakers are Resilience4j's ({@code resilience4j.circuitbreaker.configs.default.*}).
 *
 * @param retry retries of one Feign call (inside its circuit breaker)
 */
@ConfigurationProperties("brandcluster.feign")
public record FeignDefaultsProperties(@DefaultValue Retry retry) {

    /**
     * Retries with exponential backoff. Only when it is safe: idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE)
     * after a connection failure or a 502/503/504 answer; any method when the connection was refused (nothing was
     * sent). Never after a read timeout: the call may still be running.
     *
     * @param maxAttempts  attempts in total, including the first; 1 = no retry; default 3
     * @param initialWait  wait before the first retry; default 100ms
     * @param multiplier   each further wait is this times the previous one; default 2
     */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("100ms") Duration initialWait,
                        @DefaultValue("2") double multiplier) {
    }
}
