package com.brandcluster.membership.verification;

import com.brandcluster.membership.cluster.Cluster;
import com.brandcluster.membership.cluster.Clusters;
import com.brandcluster.membership.membership.Membership;
import com.brandcluster.membership.membership.MembershipLookup;
import com.brandcluster.platform.web.NotFoundException;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.util.Locale;

/**
 * Public membership verification: anyone holding a member number (on a certificate, a badge, a website) asks whether
 * it belongs to a current member. The answer holds three facts and nothing more: whether the member is current
 * (ACTIVE or in its GRACE period), the cluster (id and name), and the enterprise's name.
 *
 * <p>Member numbers are sequential ({@code LIGHT-2026-0042}), so the register can be walked number by number; that is
 * acceptable for a public verification, which exists to answer exactly this for any number (the gateway rate-limits
 * it), and it says no more than a public directory entry of an active member does. For a number that is NOT current
 * (suspended, lapsed, terminated) the answer is {@code current: false} with the cluster but WITHOUT the enterprise's
 * name and without saying which of these it is: walking the numbers must not list which enterprises were suspended or
 * expelled. A verifier checking a claimed name learns what matters: that number is not a current member.
 */
@Service
class MembershipVerification {

    private final MembershipLookup memberships;
    private final Clusters clusters;

    MembershipVerification(MembershipLookup memberships, Clusters clusters) {
        this.memberships = memberships;
        this.clusters = clusters;
    }

    Verification verify(String memberNumber) {
        String normalised = memberNumber.toUpperCase(Locale.ROOT);
        Membership membership = memberships.byMemberNumber(normalised)
                .orElseThrow(() -> new NotFoundException("member number", normalised));
        Cluster cluster = clusters.get(membership.clusterId());
        boolean current = membership.status().isCurrent();
        return new Verification(membership.memberNumber(), current, cluster.id(), cluster.name(),
                current ? membership.enterpriseName() : null);
    }

    /** The whole public answer; {@code enterpriseName} only for a current member. */
    @NullMarked
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Verification(String memberNumber, boolean current, String clusterId, String clusterName,
                        @Nullable String enterpriseName) {
    }
}
