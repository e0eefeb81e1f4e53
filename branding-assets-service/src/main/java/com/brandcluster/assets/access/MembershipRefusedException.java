package com.brandcluster.assets.access;

import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** 403: the caller's membership of the cluster does not entitle it to the asset, with the reason as the type. */
final class MembershipRefusedException extends DomainException {

    private MembershipRefusedException(String type, String title, String detail) {
        super(HttpStatus.FORBIDDEN, type, title, detail);
    }

    static MembershipRefusedException of(String clusterId, MemberStanding standing) {
        if (standing == null) {
            return new MembershipRefusedException("not-a-member", "Not a member",
                    "Only members of cluster '" + clusterId + "' in good standing may use this asset.");
        }
        MembershipRefusedException refused = switch (standing.status()) {
            case "SUSPENDED" -> new MembershipRefusedException("membership-suspended", "Membership suspended",
                    "Your membership " + standing.memberNumber() + " of cluster '" + clusterId
                            + "' is suspended: the cluster's brand assets are not available until it is reinstated.");
            case "LAPSED" -> new MembershipRefusedException("membership-lapsed", "Membership lapsed",
                    "Your membership " + standing.memberNumber() + " of cluster '" + clusterId
                            + "' has lapsed: renew it to use the cluster's brand assets again.");
            default -> new MembershipRefusedException("membership-ended", "Membership ended",
                    "Your membership " + standing.memberNumber() + " of cluster '" + clusterId + "' is "
                            + standing.status() + ": the cluster's brand assets are for members in good standing.");
        };
        refused.withProperty("membershipStatus", standing.status());
        return refused;
    }

    static MembershipRefusedException tierTooLow(String clusterId, String tier, Integer rank, int minimum) {
        MembershipRefusedException refused = new MembershipRefusedException("tier-insufficient",
                "Tier does not include this asset",
                "This asset of cluster '" + clusterId + "' is for tiers with asset access rank " + minimum
                        + " or above; your tier '" + tier + "' " + (rank == null ? "has no known rank." : "has "
                        + rank + "."));
        refused.withProperty("requiredRank", minimum);
        if (rank != null) {
            refused.withProperty("tierRank", rank);
        }
        return refused;
    }
}
