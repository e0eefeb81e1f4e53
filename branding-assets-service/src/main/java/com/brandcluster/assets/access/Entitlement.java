package com.brandcluster.assets.access;

import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import org.springframework.security.authentication.InsufficientAuthenticationException;

import java.util.EnumSet;
import java.util.Set;

/**
 * One caller's entitlement in one cluster.
 *
 * @param standing the caller's enterprise's membership of the cluster as this service knows it; null if none
 * @param tierRank the asset access rank of that membership's tier; null unless the membership is in good standing
 *                 and its tier is known here
 */
public record Entitlement(String clusterId, Caller caller, boolean isSecretariat, MemberStanding standing,
                          Integer tierRank) {

    public boolean isMemberInGoodStanding() {
        return standing != null && standing.isInGoodStanding();
    }

    /**
     * The caller's membership, refused with 403 saying why unless it is in good standing: for what only members have,
     * whatever else (the secretariat's rights) the caller holds.
     */
    public MemberStanding requireGoodStanding() {
        if (!isMemberInGoodStanding()) {
            throw MembershipRefusedException.of(clusterId, standing);
        }
        return standing;
    }

    /** The access levels of the assets the caller may find; TIER ones only up to {@link #tierRank()}. */
    public Set<AccessLevel> visibleLevels() {
        if (isSecretariat) {
            return EnumSet.allOf(AccessLevel.class);
        }
        return isMemberInGoodStanding() ? EnumSet.of(AccessLevel.PUBLIC, AccessLevel.MEMBERS, AccessLevel.TIER)
                : EnumSet.of(AccessLevel.PUBLIC);
    }

    /**
     * Refuses unless the caller may use a published asset of this access level: 401 for an anonymous caller on
     * anything but a public asset; 403 saying why for everybody else who may not (a suspended, lapsed or ended
     * membership, no membership of this cluster, a tier below the minimum, an asset for the secretariat only).
     */
    public void require(AccessLevel level, Integer minimumTierRank) {
        if (isSecretariat || level == AccessLevel.PUBLIC) {
            return;
        }
        if (caller.isAnonymous()) {
            throw new InsufficientAuthenticationException("This asset is for members: sign in.");
        }
        if (level == AccessLevel.SECRETARIAT) {
            throw new ForbiddenException("This asset is for the secretariat of cluster '" + clusterId + "' only.");
        }
        if (!isMemberInGoodStanding()) {
            throw MembershipRefusedException.of(clusterId, standing);
        }
        if (level == AccessLevel.TIER && (tierRank == null || tierRank < minimumTierRank)) {
            throw MembershipRefusedException.tierTooLow(clusterId, standing.tier(), tierRank, minimumTierRank);
        }
    }
}
