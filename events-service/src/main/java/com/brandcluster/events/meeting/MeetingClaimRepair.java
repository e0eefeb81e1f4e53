package com.brandcluster.events.meeting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Pattern 4's safety net for {@link MeetingClaims}: an acceptance, a cancellation or a plan change that was cut short
 * (a crashed instance) leaves unconfirmed claims. Once older than {@code claim-grace}, each is settled by what it
 * belongs to:
 * <ul>
 *     <li>the meeting is ACCEPTED by the claim's attempt: the claim is confirmed (the crash came after the save);</li>
 *     <li>the meeting is still REQUESTED: the attempt may yet try to save, so the meeting's revision is moved on
 *     first (that save now fails), then the claim is freed;</li>
 *     <li>anything else (the meeting ended, or another attempt accepted it): the claim is freed;</li>
 *     <li>a plan change's lock: the plan's revision is moved on first if it is still the one the change read, then
 *     the lock is lifted.</li>
 * </ul>
 * Every removal names the attempt, so a claim taken anew meanwhile is never removed by mistake.
 */
@Component
class MeetingClaimRepair {

    private static final Logger log = LoggerFactory.getLogger(MeetingClaimRepair.class);

    private final MeetingClaims claims;
    private final MeetingRepository meetings;
    private final MeetingPlans plans;
    private final MongoOperations mongo;
    private final MeetingProperties properties;
    private final Clock clock;

    MeetingClaimRepair(MeetingClaims claims, MeetingRepository meetings, MeetingPlans plans, MongoOperations mongo,
                       MeetingProperties properties, Clock clock) {
        this.claims = claims;
        this.meetings = meetings;
        this.plans = plans;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${brandcluster.events.meetings.expiry-interval:PT1M}")
    void settleUnfinishedClaims() {
        for (MeetingClaims.Claim claim : claims.unconfirmedBefore(clock.instant().minus(properties.claimGrace()))) {
            try {
                settle(claim);
            } catch (RuntimeException e) {
                log.warn("Claim {} not settled now; the next run tries again", claim.key(), e);
            }
        }
    }

    private void settle(MeetingClaims.Claim claim) {
        if (claim.meetingId() == null) {
            plans.fence(claim.exchangeEventId(), claim.planRevision());
            claims.remove(claim);
            log.warn("Lifted the lock {} a plan change of event {} left behind", claim.key(),
                    claim.exchangeEventId());
            return;
        }
        Meeting meeting = meetings.findById(claim.meetingId()).orElse(null);
        if (meeting != null && meeting.status() == Meeting.Status.ACCEPTED
                && claim.attempt().equals(meeting.acceptance())) {
            claims.confirm(claim);
            log.info("Confirmed claim {} of accepted meeting {}", claim.key(), meeting.id());
            return;
        }
        if (meeting != null && meeting.status() == Meeting.Status.REQUESTED) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(meeting.id()).and("revision")
                    .is(meeting.revision())), new Update().inc("revision", 1), Meeting.class);
        }
        claims.remove(claim);
        log.warn("Freed claim {} that meeting {} ({}) does not hold", claim.key(), claim.meetingId(),
                meeting == null ? "gone" : meeting.status());
    }
}
