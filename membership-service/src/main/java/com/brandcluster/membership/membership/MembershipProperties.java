package com.brandcluster.membership.membership;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.Period;

/**
 * The membership lifecycle.
 *
 * @param gracePeriod    how long after {@code validUntil} an unrenewed membership stays in GRACE (still a current
 *                       member) before it LAPSES
 * @param expiryInterval how often the expiry job moves expired memberships along (read by its {@code @Scheduled})
 * @param batchSize      how many memberships the expiry job and the projection rebuild read per query
 */
@ConfigurationProperties("brandcluster.membership")
record MembershipProperties(@DefaultValue("P60D") Period gracePeriod,
                            @DefaultValue("PT1H") Duration expiryInterval,
                            @DefaultValue("200") int batchSize) {

    MembershipProperties {
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("brandcluster.membership.grace-period must not be negative");
        }
        if (expiryInterval.isNegative() || expiryInterval.isZero()) {
            throw new IllegalArgumentException("brandcluster.membership.expiry-interval must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("brandcluster.membership.batch-size must be at least 1");
        }
    }
}
