package com.brandcluster.events.membership;

import com.brandcluster.platform.membership.MemberStanding;

import java.util.Set;

/**
 * An enterprise's membership of a cluster as far as exchange events care.
 *
 * @param tier   the tier code, which decides its seats per event
 * @param status ACTIVE, GRACE, SUSPENDED, LAPSED or TERMINATED
 */
public record Standing(String clusterId, String enterpriseId, String tier, String status) {

    private static final Set<String> CURRENT = Set.of(MemberStanding.ACTIVE, MemberStanding.GRACE, "SUSPENDED");

    /** ACTIVE or GRACE: entitled to members' rights now. */
    public boolean isInGoodStanding() {
        return MemberStanding.ACTIVE.equals(status) || MemberStanding.GRACE.equals(status);
    }

    /**
     * Still a member, though perhaps suspended: may see members-only events and register, a suspended member
     * subject to approval. A lapsed or terminated membership is no membership.
     */
    public boolean isCurrentMember() {
        return CURRENT.contains(status);
    }
}
