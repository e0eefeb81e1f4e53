package com.brandcluster.membership.audit;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.PageView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** The cluster's audit trail, newest first, for its secretariat. */
    @GetMapping("/api/membership/clusters/{clusterId}/audit")
    PageView<AuditEntry> ofCluster(@PathVariable String clusterId,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                                   Caller caller) {
        if (!caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the secretariat of cluster '" + clusterId + "' reads its audit trail.");
        }
        return PageView.of(audit.ofCluster(clusterId, page, size), entry -> entry);
    }
}
