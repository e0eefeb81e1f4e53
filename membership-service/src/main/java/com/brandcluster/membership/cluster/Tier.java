package com.brandcluster.membership.cluster;

import com.brandcluster.contracts.membership.TierInfo;
import org.jspecify.annotations.NullMarked;

import java.math.BigDecimal;

/**
 * A membership tier of a cluster. {@code rank} orders tiers (1 is the entry tier); the benefits are what a membership
 * of this tier entitles to in the other services.
 */
@NullMarked
public record Tier(String code, String name, int rank, BigDecimal annualFee, int consultationHoursPerYear,
                   int seatsPerEvent, int assetAccessRank) {

    /** The tier as events describe it to the other services. */
    public TierInfo toInfo() {
        return new TierInfo(code, name, rank, annualFee, consultationHoursPerYear, seatsPerEvent, assetAccessRank);
    }
}
