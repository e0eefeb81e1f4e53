package com.brandcluster.membership.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

@NullMarked
final class ApplicationRequests {

    private ApplicationRequests() {
    }

    record Submit(@Pattern(regexp = "[a-z][a-z0-9-]{1,29}", message = "must be a tier code") @Nullable String tier,
                  @Size(max = 4000) @Nullable String motivation) {
    }

    record Approve(@Pattern(regexp = "[a-z][a-z0-9-]{1,29}", message = "must be a tier code") @Nullable String tier) {
    }

    record Reject(@NotBlank @Size(max = 2000) String reason) {
    }

    record ApplicationView(String id, String clusterId, String enterpriseId, String enterpriseName,
                           String requestedTier, @Nullable String approvedTier, @Nullable String motivation,
                           String status, String admission, @Nullable String memberNumber, Instant submittedAt,
                           @Nullable Instant decidedAt, @Nullable String reason, List<Application.Change> history) {

        static ApplicationView of(Application a) {
            return new ApplicationView(a.id(), a.clusterId(), a.enterpriseId(), a.enterpriseName(),
                    a.requestedTier(), a.approvedTier(), a.motivation(), a.status().name(), a.admission().name(),
                    a.memberNumber(), a.submittedAt(), a.decidedAt(), a.reason(), a.history());
        }
    }
}
