package com.brandcluster.platform.membership;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.NotFoundException;
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

    public record StandingView(String clusterId, String enterpriseId, String enterpriseName, String memberNumber,
                               String tier, String status, boolean inGoodStanding, LocalDate validUntil,
                               long version) {

        static StandingView of(MemberStanding s) {
            return new StandingView(s.clusterId(), s.enterpriseId(), s.enterpriseName(), s.memberNumber(), s.tier(),
                    s.status(), s.isInGoodStanding(), s.validUntil(), s.version());
        }
    }
}
