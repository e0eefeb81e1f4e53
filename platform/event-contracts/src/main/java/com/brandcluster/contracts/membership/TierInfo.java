package com.brandcluster.contracts.membership;

import java.math.BigDecimal;

/** A membership tier and what it entitles to, as the other services need it. */
public record TierInfo(String code, String name, int rank, BigDecimal annualFee, int consultationHoursPerYear,
                       int seatsPerEvent, int assetAccessRank) {
}
