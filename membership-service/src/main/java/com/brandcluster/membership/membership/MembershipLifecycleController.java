package com.brandcluster.membership.membership;

import com.brandcluster.membership.membership.MembershipController.MembershipView;
import com.brandcluster.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The secretariat's changes to one membership; each answers the membership as it is afterwards. */
@RestController
@RequestMapping("/api/membership/clusters/{clusterId}/members/{enterpriseId}")
class MembershipLifecycleController {

    private final MembershipLifecycle lifecycle;

    MembershipLifecycleController(MembershipLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PostMapping("/suspension")
    MembershipView suspend(@PathVariable String clusterId, @PathVariable String enterpriseId,
                           @Valid @RequestBody MembershipRequests.Reasoned request, Caller caller) {
        return MembershipView.of(lifecycle.suspend(clusterId, enterpriseId, request.reason().strip(), caller));
    }

    @PostMapping("/reinstatement")
    MembershipView reinstate(@PathVariable String clusterId, @PathVariable String enterpriseId,
                             @Valid @RequestBody MembershipRequests.Reasoned request, Caller caller) {
        return MembershipView.of(lifecycle.reinstate(clusterId, enterpriseId, request.reason().strip(), caller));
    }

    @PostMapping("/termination")
    MembershipView terminate(@PathVariable String clusterId, @PathVariable String enterpriseId,
                             @Valid @RequestBody MembershipRequests.Reasoned request, Caller caller) {
        return MembershipView.of(lifecycle.terminate(clusterId, enterpriseId, request.reason().strip(), caller));
    }

    @PostMapping("/renewal")
    MembershipView renew(@PathVariable String clusterId, @PathVariable String enterpriseId,
                         @Valid @RequestBody(required = false) MembershipRequests.Renewal request, Caller caller) {
        String reason = reason(request == null ? null : request.reason());
        return MembershipView.of(lifecycle.renew(clusterId, enterpriseId, reason, caller));
    }

    @PutMapping("/tier")
    MembershipView changeTier(@PathVariable String clusterId, @PathVariable String enterpriseId,
                              @Valid @RequestBody MembershipRequests.TierChange request, Caller caller) {
        return MembershipView.of(lifecycle.changeTier(clusterId, enterpriseId, request.tier(), reason(request.reason()),
                caller));
    }

    private static String reason(String optional) {
        return optional == null || optional.isBlank() ? null : optional.strip();
    }
}
