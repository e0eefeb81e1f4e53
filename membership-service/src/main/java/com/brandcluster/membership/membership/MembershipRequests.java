package com.brandcluster.membership.membership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** What the secretariat sends to change a membership. Unknown fields (a status, a member number) are refused (400). */
@NullMarked
final class MembershipRequests {

    static final int MAX_REASON = 2000;

    private MembershipRequests() {
    }

    /** Suspension, reinstatement and termination: the reason is required and goes into the history and the event. */
    record Reasoned(@NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /** Renewal: an optional note, such as the fee's receipt. */
    record Renewal(@Size(max = MAX_REASON) @Nullable String reason) {
    }

    record TierChange(@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,29}", message = "must be a tier code") String tier,
                      @Size(max = MAX_REASON) @Nullable String reason) {
    }
}
