package com.brandcluster.events.meeting;

import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.ExchangeEvents;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The invited enterprise accepts a request. The order is what makes it safe under concurrency and after a crash
 * (patterns 2 and 4, keyed by the meeting and this attempt):
 * <ol>
 *     <li>claim the slot for the requester, then for the invitee: a claim held by another meeting is a 409
 *     {@code slot-taken}, so of any number of acceptances for one enterprise and slot exactly one gets on;</li>
 *     <li>claim the first table free in the slot; none free is a 409 {@code no-table-free};</li>
 *     <li>read the plan again: the slot and the table must still be in it (a plan change locks what it removes, and
 *     one saved before our table claim shows here);</li>
 *     <li>make the meeting ACCEPTED, naming this attempt, in one versioned write with its event (pattern 1): a
 *     decline, cancellation or expiry saved meanwhile makes it fail;</li>
 *     <li>mark the claims confirmed.</li>
 * </ol>
 * Whatever fails gives back what this attempt claimed. A crash leaves unconfirmed claims: {@link MeetingClaimRepair}
 * confirms them if the meeting was saved ACCEPTED by this attempt, and otherwise fences the meeting off (so that the
 * attempt can no longer be saved) and frees them.
 */
@Service
class MeetingAcceptance {

    private static final Logger log = LoggerFactory.getLogger(MeetingAcceptance.class);

    private final MeetingRepository meetings;
    private final ExchangeEvents events;
    private final MeetingPlans plans;
    private final Participants participants;
    private final MeetingClaims claims;
    private final MeetingAnnouncements announcements;
    private final Clock clock;

    MeetingAcceptance(MeetingRepository meetings, ExchangeEvents events, MeetingPlans plans,
                      Participants participants, MeetingClaims claims, MeetingAnnouncements announcements,
                      Clock clock) {
        this.meetings = meetings;
        this.events = events;
        this.plans = plans;
        this.participants = participants;
        this.claims = claims;
        this.announcements = announcements;
        this.clock = clock;
    }

    Meeting accept(String meetingId, Caller caller) {
        Meeting meeting = meetings.get(meetingId);
        if (!caller.actsFor(meeting.inviteeEnterpriseId())) {
            throw new ForbiddenException("Only the invited enterprise answers a meeting request.");
        }
        ExchangeEvent event = events.get(meeting.exchangeEventId());
        if (!event.isPublished()) {
            throw MeetingProblems.matchmakingClosed(event);
        }
        MeetingPlan plan = plans.get(event.id());
        Instant now = clock.instant();
        MeetingPlan.Slot slot = plan.slot(meeting.slotId()).orElse(null);
        meeting.requireAcceptable(slot == null ? meeting.slotTimes() : slot.times(), now);
        if (slot == null) {
            throw slotRemoved();
        }
        if (!participants.isRegistered(event.id(), meeting.inviteeEnterpriseId())) {
            throw new MeetingProblems.NotRegisteredException(
                    "Your enterprise no longer holds a confirmed registration for the event.");
        }
        if (!participants.isRegistered(event.id(), meeting.requesterEnterpriseId())) {
            throw new ConflictException("requester-not-registered", "Requester not registered",
                    "The requesting enterprise no longer holds a confirmed registration for the event.");
        }
        String attempt = UUID.randomUUID().toString();
        Meeting accepted;
        try {
            claimSlot(meeting, meeting.requesterEnterpriseId(), attempt, now,
                    "The requesting enterprise has accepted another meeting in this slot meanwhile.");
            claimSlot(meeting, meeting.inviteeEnterpriseId(), attempt, now,
                    "You have an accepted meeting in this slot already.");
            MeetingPlan.Table table = claims.claimTable(meeting, plan.tables(), attempt, now)
                    .orElseThrow(() -> new ConflictException("no-table-free", "No table free",
                            "Every table is taken in this slot; propose another slot."));
            MeetingPlan current = plans.get(event.id());
            MeetingPlan.Slot slotNow = current.slot(meeting.slotId()).orElseThrow(MeetingAcceptance::slotRemoved);
            if (current.table(table.id()).isEmpty()) {
                throw MeetingProblems.concurrentChange("meeting plan");
            }
            meeting.accept(slotNow.times(), table.id(), table.name(), attempt, caller.subject(), now);
            announcements.stateEntered(meeting, event, current, now);
            accepted = meetings.save(meeting);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            claims.release(meetingId, attempt);
            throw MeetingProblems.concurrentChange("meeting");
        } catch (RuntimeException e) {
            claims.release(meetingId, attempt);
            throw e;
        }
        claims.confirm(meetingId, attempt);
        log.info("Meeting {} accepted at table {}", meetingId, accepted.tableId());
        return accepted;
    }

    private void claimSlot(Meeting meeting, String enterpriseId, String attempt, Instant now, String takenDetail) {
        switch (claims.claimEnterprise(meeting, enterpriseId, attempt, now)) {
            case CLAIMED -> {
            }
            case TAKEN -> throw MeetingProblems.slotTaken(takenDetail);
            case BUSY -> throw new ConflictException("acceptance-in-progress", "Acceptance in progress",
                    "This meeting is being accepted at this moment; reload it shortly.");
        }
    }

    private static ConflictException slotRemoved() {
        return new ConflictException("slot-removed", "Slot removed",
                "The organiser removed this meeting's slot; the request expires.")
                .withCurrentState(Meeting.Status.EXPIRED.name());
    }
}
