package com.brandcluster.salons.membership;

import com.brandcluster.contracts.membership.TierInfo;

/**
 * One membership tier of a cluster and what it entitles to in this service, as membership-service last announced it.
 *
 * @param code                     the tier's code, as memberships name it ({@code member}, {@code council}, ...)
 * @param rank                     higher is more senior
 * @param consultationHoursPerYear expert consultation hours per membership year
 * @param seatsPerEvent            seats per salon for an enterprise of this tier
 * @param assetAccessRank          the brand assets it may use
 */
public record ClusterTier(String code, String name, int rank, int consultationHoursPerYear, int seatsPerEvent,
                          int assetAccessRank) {

    static ClusterTier of(TierInfo tier) {
        return new ClusterTier(tier.code(), tier.name(), tier.rank(), tier.consultationHoursPerYear(),
                tier.seatsPerEvent(), tier.assetAccessRank());
    }
}
