package com.brandcluster.events.registration;

import com.brandcluster.events.event.EventDetails;
import com.brandcluster.events.event.EventDetails.RegistrationPolicy;
import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.platform.membership.MembershipLookup;
import com.brandcluster.platform.membership.Standing;
import com.brandcluster.platform.membership.ClusterTiers;
import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Decides how an enterprise's registration for an event is handled, from the event's policy and the enterprise's
 * membership, and how many seats the enterprise may hold there:
 * <ul>
 * <li>a member in good standing (ACTIVE, GRACE) is seated at once under AUTOMATIC, or waits for approval;</li>
 * <li>a suspended member always waits for approval;</li>
 * <li>anybody else (never a member, lapsed, terminated) is refused, except under OPEN_WITH_APPROVAL, where they wait
 * for approval.</li>
 * </ul>
 * A member may hold the smaller of the event's seats per enterprise and its tier's seats per event; a non-member the
 * event's seats per enterprise.
 */
@Component
class Admissions {

    static final String APPROVAL_POLICY = "APPROVAL_POLICY";
    static final String NOT_A_MEMBER = "NOT_A_MEMBER";

    private final MembershipLookup membership;
    private final ClusterTiers tiers;

    Admissions(MembershipLookup membership, ClusterTiers tiers) {
        this.membership = membership;
        this.tiers = tiers;
    }

    /**
     * @param approvalReason null when the registration is seated at once, else why it waits for approval
     */
    record Admission(String approvalReason, int seatLimit) {

        boolean seatedAtOnce() {
            return approvalReason == null;
        }
    }

    Admission admit(ExchangeEvent event, String enterpriseId) {
        EventDetails details = event.details();
        Optional<Standing> standing = membership.standingOf(event.clusterId(), enterpriseId)
                .filter(Standing::isCurrentMember);
        if (standing.isEmpty()) {
            if (details.registrationPolicy() != RegistrationPolicy.OPEN_WITH_APPROVAL) {
                throw new NotAMemberException(event.clusterId());
            }
            return new Admission(NOT_A_MEMBER, details.seatsPerEnterprise());
        }
        Standing member = standing.get();
        int tierSeats = tiers.seatsPerEvent(event.clusterId(), member.tier())
                .orElseThrow(() -> new TierUnknownException(event.clusterId(), member.tier()));
        int limit = Math.min(details.seatsPerEnterprise(), tierSeats);
        if (!member.isInGoodStanding()) {
            return new Admission(membershipReason(member.status()), limit);
        }
        return new Admission(details.registrationPolicy() == RegistrationPolicy.AUTOMATIC ? null : APPROVAL_POLICY,
                limit);
    }

    /** {@code MEMBERSHIP_SUSPENDED}, {@code MEMBERSHIP_LAPSED}, ... */
    static String membershipReason(String status) {
        return "MEMBERSHIP_" + status;
    }

    /** 403: the event takes members of its cluster only, and the enterprise is not one. */
    static final class NotAMemberException extends DomainException {

        NotAMemberException(String clusterId) {
            super(HttpStatus.FORBIDDEN, "not-a-member", "Not a member",
                    "Only members of cluster '" + clusterId + "' register for this event.");
        }
    }

    /**
     * 503: the member's tier is not known here yet (the cluster's tiers arrive by event), so its seats per event
     * cannot be told; nothing is registered on a guess.
     */
    static final class TierUnknownException extends DomainException {

        TierUnknownException(String clusterId, String tier) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "tier-unknown", "Tier not known yet",
                    "The seats of tier '" + tier + "' of cluster '" + clusterId
                            + "' are not known here yet; nothing was registered. Try again shortly.");
        }
    }
}
