package com.brandcluster.salons.consultation;

import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.DomainException;
import com.brandcluster.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.LocalDate;

/** The problems consultations answer with that more than one step raises. */
final class ConsultationProblems {

    private ConsultationProblems() {
    }

    static NotFoundException notFound(String consultationId) {
        return new NotFoundException("Consultation", consultationId);
    }

    /** 409: another booking holds the slot, or its buffers reach into it. */
    static ConflictException slotTaken(Instant start) {
        return new ConflictException("slot-taken", "Slot already booked",
                "The expert's slot at " + start + " is no longer free; choose another one.");
    }

    /** 409: the expert's day has as many sessions as they take. */
    static ConflictException dayFull(LocalDate date, int maxSessionsPerDay) {
        return new ConflictException("expert-day-full", "Expert fully booked that day",
                "The expert takes at most " + maxSessionsPerDay + " consultations on " + date
                        + " and has that many; choose another day.");
    }

    /** 409: a write lost to another one on the same consultation. */
    static ConflictException changedConcurrently() {
        return new ConflictException("concurrent-change", "Changed concurrently",
                "The consultation was changed by someone else at the same moment; reload it and try again.");
    }

    /** 403: the enterprise is not a member of the cluster at all. */
    static DomainException notAMember(String clusterId) {
        return new MembershipProblem("not-a-member", "Not a member",
                "Only member enterprises of cluster '" + clusterId + "' book its experts.", null);
    }

    /** 403: a member whose membership is suspended, lapsed or terminated keeps its bookings but cannot add any. */
    static DomainException notInGoodStanding(String clusterId, String status) {
        return new MembershipProblem("member-not-in-good-standing", "Membership not in good standing",
                "The enterprise's membership of cluster '" + clusterId + "' is " + status
                        + "; only ACTIVE members (or members in their GRACE period) book consultations.", status);
    }

    /**
     * 503: what the enterprise's tier entitles to is not known here yet (the cluster's tiers event is still on its
     * way): nothing is booked rather than assuming an allowance.
     */
    static DomainException hoursUnknown(String clusterId, String tier) {
        return new HoursUnknown(clusterId, tier);
    }

    private static final class MembershipProblem extends DomainException {

        MembershipProblem(String type, String title, String detail, String status) {
            super(HttpStatus.FORBIDDEN, type, title, detail);
            if (status != null) {
                withProperty("membershipStatus", status);
            }
        }
    }

    private static final class HoursUnknown extends DomainException {

        HoursUnknown(String clusterId, String tier) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "consultation-hours-unknown", "Consultation hours not known yet",
                    "The consultation hours of tier '" + tier + "' in cluster '" + clusterId
                            + "' are not known here yet; nothing was booked. Try again shortly.");
        }
    }
}
