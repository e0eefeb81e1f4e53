package com.brandcluster.platform.membership;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;

/**
 * This service's copy of one membership's standing, kept current by membership-service's events. {@code version} is
 * the last membership version applied: older or repeated events are ignored, so redelivery and reordering leave it
 * right.
 */
@Document(MemberStanding.COLLECTION)
@CompoundIndex(name = "cluster_enterprise", def = "{'clusterId': 1, 'enterpriseId': 1}")
@CompoundIndex(name = "enterprise", def = "{'enterpriseId': 1}")
public record MemberStanding(@Id String membershipId, String clusterId, String enterpriseId, String enterpriseName,
                             String memberNumber, String tier, String status, LocalDate validFrom,
                             LocalDate validUntil, long version, Instant updatedAt) {

    public static final String COLLECTION = "member_standings";

    public static final String ACTIVE = "ACTIVE";
    /** The membership expired but may still be renewed; members keep their rights meanwhile. */
    public static final String GRACE = "GRACE";

    /** Whether the membership entitles to members' rights today: ACTIVE, or GRACE after expiry. */
    public boolean isInGoodStanding() {
        return isGoodStanding(status);
    }

    /** Whether a membership status entitles to members' rights: ACTIVE or GRACE. */
    public static boolean isGoodStanding(String status) {
        return ACTIVE.equals(status) || GRACE.equals(status);
    }
}
