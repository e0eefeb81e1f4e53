package com.brandcluster.platform.membership;

import com.brandcluster.contracts.membership.TierInfo;

/**
 * One membership tier of a cluster with every benefit it entitles to, as membership-service last announced it.
 *
 * @param code                     the tier's code, as memberships name it ({@code member}, {@code council}, ...)
 * @param name                     its display name
 * @param rank                     higher is more senior
 * @param consultationHoursPerYear expert consultation hours per membership year
 * @param seatsPerEvent            seats an enterprise of this tier may take at one event or salon
 * @param assetAccessRank          the brand assets it may use (compared with an asset's required rank)
 */
public record ClusterTier(String code, String name, int rank, int consultationHoursPerYear, int seatsPerEvent,
                          int assetAccessRank) {

    static ClusterTier of(TierInfo tier) {
        return new ClusterTier(tier.code(), tier.name(), tier.rank(), tier.consultationHoursPerYear(),
                tier.seatsPerEvent(), tier.assetAccessRank());
    }
}
