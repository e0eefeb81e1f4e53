package com.brandcluster.assets.access;

import com.brandcluster.platform.membership.ClusterTiers;
import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.membership.MemberStandings;
import com.brandcluster.platform.security.Caller;
import org.springframework.stereotype.Component;

/**
 * What a caller is entitled to in a cluster's brand kit, decided per request from this service's projections (never
 * from token roles alone): the cluster's secretariat everything, members in good standing (ACTIVE or GRACE) what their
 * tier's asset access rank reaches, everybody else the public assets. A suspension or lapse applied to the standing
 * projection takes effect with the next request.
 */
@Component
public class Entitlements {

    private final MemberStandings standings;
    private final ClusterTiers tiers;

    Entitlements(MemberStandings standings, ClusterTiers tiers) {
        this.standings = standings;
        this.tiers = tiers;
    }

    public Entitlement of(String clusterId, Caller caller) {
        if (caller.isSecretariatOf(clusterId)) {
            return new Entitlement(clusterId, caller, true, null, null);
        }
        MemberStanding standing = caller.enterprise().flatMap(enterprise -> standings.of(clusterId, enterprise))
                .orElse(null);
        Integer rank = null;
        if (standing != null && standing.isInGoodStanding() && standing.tier() != null) {
            var tierRank = tiers.assetAccessRank(clusterId, standing.tier());
            rank = tierRank.isPresent() ? tierRank.getAsInt() : null;
        }
        return new Entitlement(clusterId, caller, false, standing, rank);
    }
}
