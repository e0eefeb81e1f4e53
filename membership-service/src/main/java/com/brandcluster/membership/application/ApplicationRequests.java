package com.brandcluster.membership.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

final class ApplicationRequests {

    private ApplicationRequests() {
    }

    record Submit(@Pattern(regexp = "[a-z][a-z0-9-]{1,29}", message = "must be a tier code") String tier,
                  @Size(max = 4000) String motivation) {
    }

    record Approve(@Pattern(regexp = "[a-z][a-z0-9-]{1,29}", message = "must be a tier code") String tier) {
    }

    record Reject(@NotBlank @Size(max = 2000) String reason) {
    }

    record ApplicationView(String id, String clusterId, String enterpriseId, String enterpriseName,
                           String requestedTier, String approvedTier, String motivation, String status,
                           String admission, String memberNumber, Instant submittedAt, Instant decidedAt,
                           String reason, List<Application.Change> history) {

        static ApplicationView of(Application a) {
            return new ApplicationView(a.id(), a.clusterId(), a.enterpriseId(), a.enterpriseName(),
                    a.requestedTier(), a.approvedTier(), a.motivation(), a.status().name(), a.admission().name(),
                    a.memberNumber(), a.submittedAt(), a.decidedAt(), a.reason(), a.history());
        }
    }
}
