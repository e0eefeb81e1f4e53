package com.brandcluster.membership.membership;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.NotFoundException;
import org.jspecify.annotations.NullMarked;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/membership/clusters/{clusterId}/members")
class MembershipController {

    private final MembershipAdmission memberships;

    MembershipController(MembershipAdmission memberships) {
        this.memberships = memberships;
    }

    /** One enterprise's membership, for the cluster's secretariat and the enterprise itself. */
    @GetMapping("/{enterpriseId}")
    MembershipView member(@PathVariable String clusterId, @PathVariable String enterpriseId, Caller caller) {
        if (!caller.isSecretariatOf(clusterId) && !caller.actsFor(enterpriseId)) {
            throw new ForbiddenException("Only the secretariat and the enterprise itself read this membership.");
        }
        return memberships.find(clusterId, enterpriseId).map(MembershipView::of)
                .orElseThrow(() -> new NotFoundException("membership", clusterId + "/" + enterpriseId));
    }

    @NullMarked
    record MembershipView(String id, String clusterId, String enterpriseId, String enterpriseName, String memberNumber,
                          String tier, String status, LocalDate validFrom, LocalDate validUntil, long version,
                          List<Membership.Change> history) {

        static MembershipView of(Membership m) {
            return new MembershipView(m.id(), m.clusterId(), m.enterpriseId(), m.enterpriseName(), m.memberNumber(),
                    m.tier(), m.status().name(), m.validFrom(), m.validUntil(), m.version(), m.history());
        }
    }
}
