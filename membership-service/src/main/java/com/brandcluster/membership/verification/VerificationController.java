package com.brandcluster.membership.verification;

import com.brandcluster.membership.verification.MembershipVerification.Verification;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Anonymous: see {@link MembershipVerification} for what it answers and why no more. */
@RestController
@Validated
class VerificationController {

    private final MembershipVerification verification;

    VerificationController(MembershipVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/api/membership/verify/{memberNumber}")
    Verification verify(@PathVariable @Pattern(regexp = "[A-Za-z0-9]{1,8}-[0-9]{4}-[0-9]{4,9}",
            message = "must be a member number such as LIGHT-2026-0042") String memberNumber) {
        return verification.verify(memberNumber);
    }
}
