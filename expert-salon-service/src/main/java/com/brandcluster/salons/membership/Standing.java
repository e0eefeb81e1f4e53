package com.brandcluster.salons.membership;

import java.time.LocalDate;

import com.brandcluster.platform.membership.MemberStanding;

/**
 * An enterprise's membership of a cluster as this service sees it: from the local standing projection, or, while
 * the admission event is still in flight, from membership-service.
 *
 * @param tier    the tier code (see {@link com.brandcluster.platform.membership.ClusterTiers} for what it entitles to)
 * @param status  ACTIVE, GRACE, SUSPENDED, LAPSED, TERMINATED
 * @param version the membership's version when it was read
 * @param source  where it was read
 */
public record Standing(String clusterId, String enterpriseId, String tier, String status, LocalDate validUntil,
                       long version, Source source) {

    public enum Source { LOCAL_PROJECTION, MEMBERSHIP_SERVICE }

    /** Whether the membership entitles to members' rights now: ACTIVE, or GRACE after expiry. */
    public boolean isInGoodStanding() {
        return MemberStanding.ACTIVE.equals(status) || MemberStanding.GRACE.equals(status);
    }

    static Standing of(MemberStanding local) {
        return new Standing(local.clusterId(), local.enterpriseId(), local.tier(), local.status(), local.validUntil(),
                local.version(), Source.LOCAL_PROJECTION);
    }

    static Standing of(MembershipClient.RemoteMembership remote) {
        return new Standing(remote.clusterId(), remote.enterpriseId(), remote.tier(), remote.status(),
                remote.validUntil(), remote.version(), Source.MEMBERSHIP_SERVICE);
    }
}
