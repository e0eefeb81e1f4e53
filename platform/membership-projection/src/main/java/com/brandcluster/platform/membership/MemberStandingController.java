package com.brandcluster.platform.membership;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.NotFoundException;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * What this service knows of an enterprise's membership, under the service's own API path, for the cluster's
 * secretariat and the enterprise itself.
 */
@RestController
public class MemberStandingController {

    private final MemberStandings standings;

    public MemberStandingController(MemberStandings standings) {
        this.standings = standings;
    }

    @GetMapping("${brandcluster.member-standing.base-path}/clusters/{clusterId}/members/{enterpriseId}/standing")
    public StandingView standing(@PathVariable String clusterId, @PathVariable String enterpriseId, Caller caller) {
        if (!caller.isSecretariatOf(clusterId) && !caller.actsFor(enterpriseId)) {
            throw new ForbiddenException("Only the cluster's secretariat and the enterprise itself read its standing.");
        }
        return standings.of(clusterId, enterpriseId).map(StandingView::of)
                .orElseThrow(() -> new NotFoundException("membership", clusterId + "/" + enterpriseId));
    }

    /**
     * The projection's copy of the membership. Built from events that may arrive in any order, it may not know the
     * enterprise's name, the member number, the tier, the status or the end date yet.
     */
    @NullMarked
    public record StandingView(String clusterId, String enterpriseId, @Nullable String enterpriseName,
                               @Nullable String memberNumber, @Nullable String tier, @Nullable String status,
                               boolean inGoodStanding, @Nullable LocalDate validUntil, long version) {

        static StandingView of(MemberStanding s) {
            return new StandingView(s.clusterId(), s.enterpriseId(), s.enterpriseName(), s.memberNumber(), s.tier(),
                    s.status(), s.isInGoodStanding(), s.validUntil(), s.version());
        }
    }
}
