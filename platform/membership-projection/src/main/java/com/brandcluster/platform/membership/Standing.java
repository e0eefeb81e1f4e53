package com.brandcluster.platform.membership;

import java.time.LocalDate;
import java.util.Set;

/**
 * An enterprise's membership of a cluster as a service sees it: from its local standing projection, or, while the
 * admission event is still in flight, from membership-service ({@link MembershipLookup}).
 *
 * @param memberNumber   the member number ({@code LIGHT-2026-0042}), or null where the projection does not know it yet
 * @param enterpriseName the member's legal name, or null where the projection does not know it yet
 * @param tier    the tier code (see {@link ClusterTiers} for what it entitles to)
 * @param status  ACTIVE, GRACE, SUSPENDED, LAPSED, TERMINATED
 * @param version the membership's version when it was read
 * @param source  where it was read
 */
public record Standing(String clusterId, String enterpriseId, String memberNumber, String enterpriseName, String tier, String status, LocalDate validUntil,
                       long version, Source source) {

    public enum Source { LOCAL_PROJECTION, MEMBERSHIP_SERVICE }

    private static final Set<String> CURRENT = Set.of(MemberStanding.ACTIVE, MemberStanding.GRACE, "SUSPENDED");

    /** Whether the member's legal name and member number are both known (a badge needs them). */
    public boolean hasMemberDetails() {
        return memberNumber != null && enterpriseName != null;
    }

    /** Whether the membership entitles to members' rights now: ACTIVE, or GRACE after expiry. */
    public boolean isInGoodStanding() {
        return MemberStanding.isGoodStanding(status);
    }

    /**
     * Still a member, though perhaps suspended (which a service may treat as "subject to approval"); a lapsed or
     * terminated membership is no membership.
     */
    public boolean isCurrentMember() {
        return status != null && CURRENT.contains(status);
    }

    static Standing of(MemberStanding local) {
        return new Standing(local.clusterId(), local.enterpriseId(), local.memberNumber(), local.enterpriseName(),
                local.tier(), local.status(), local.validUntil(),
                local.version(), Source.LOCAL_PROJECTION);
    }

    static Standing of(MembershipClient.RemoteMembership remote) {
        return new Standing(remote.clusterId(), remote.enterpriseId(), remote.memberNumber(), remote.enterpriseName(),
                remote.tier(), remote.status(),
                remote.validUntil(), remote.version(), Source.MEMBERSHIP_SERVICE);
    }
}
