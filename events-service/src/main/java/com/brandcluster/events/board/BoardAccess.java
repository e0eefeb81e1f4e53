package com.brandcluster.events.board;

import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.membership.MemberStandings;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Who may use a cluster's board. It is members-only: enterprises that are ACTIVE or GRACE members of the cluster,
 * as this service's standing projection knows them (kept current by membership-service's events; no call to another
 * service on the request path), and the cluster's secretariat. Anonymous callers, experts, other clusters'
 * members and secretariats see nothing of it.
 */
@Component
class BoardAccess {

    private final MemberStandings standings;

    BoardAccess(MemberStandings standings) {
        this.standings = standings;
    }

    /** The membership of the enterprise the caller acts for, when it is in good standing in the cluster; else 403. */
    MemberStanding member(String clusterId, Caller caller) {
        String enterpriseId = caller.enterprise().orElseThrow(() -> new ForbiddenException(
                "Only a user acting for a member enterprise posts on the cooperation board."));
        return standings.of(clusterId, enterpriseId).filter(MemberStanding::isInGoodStanding)
                .orElseThrow(() -> new NotAMemberException(clusterId));
    }

    /** Refuses (403) a caller who is neither the cluster's secretariat nor a user of a member in good standing. */
    void requireReader(String clusterId, Caller caller) {
        if (caller.isSecretariatOf(clusterId)) {
            return;
        }
        if (caller.enterprise().filter(enterpriseId -> standings.isInGoodStanding(clusterId, enterpriseId)).isEmpty()) {
            throw new NotAMemberException(clusterId);
        }
    }

    /**
     * The enterprises that are members of the cluster in good standing now: only their posts are on the board, so a
     * suspended or lapsed member's posts leave it while it is not in good standing and come back when it is again.
     */
    Set<String> enterprisesInGoodStanding(String clusterId) {
        return standings.inGoodStanding(clusterId);
    }
}
