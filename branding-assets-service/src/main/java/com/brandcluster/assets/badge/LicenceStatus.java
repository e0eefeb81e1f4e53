package com.brandcluster.assets.badge;

import com.brandcluster.platform.membership.MemberStanding;

/** What a licence check answers, from the membership's standing now. */
enum LicenceStatus {
    /** ACTIVE, or GRACE after expiry: the member may use the cluster mark. */
    VALID,
    SUSPENDED,
    LAPSED,
    /** The membership was terminated, or is not known any more. */
    REVOKED;

    static LicenceStatus of(MemberStanding standing) {
        if (standing == null) {
            return REVOKED;
        }
        if (standing.isInGoodStanding()) {
            return VALID;
        }
        return switch (standing.status()) {
            case "SUSPENDED" -> SUSPENDED;
            case "LAPSED" -> LAPSED;
            default -> REVOKED;
        };
    }
}
