package com.brandcluster.events.meeting;

import com.brandcluster.events.event.ExchangeEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Requests that were not answered in time expire, and so do requests whose slot has begun or was removed. Each expiry
 * is a versioned write of the fresh meeting, so when several instances run this at once, or an answer comes at the
 * same moment, the meeting changes once; a request holds nothing, so nothing else needs freeing.
 */
@Component
class MeetingExpiry {

    private static final Logger log = LoggerFactory.getLogger(MeetingExpiry.class);

    private final MeetingRepository meetings;
    private final MongoOperations mongo;
    private final ExchangeEvents events;
    private final MeetingAnnouncements announcements;
    private final Clock clock;

    MeetingExpiry(MeetingRepository meetings, MongoOperations mongo, ExchangeEvents events,
                  MeetingAnnouncements announcements, Clock clock) {
        this.meetings = meetings;
        this.mongo = mongo;
        this.events = events;
        this.announcements = announcements;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${brandcluster.events.meetings.expiry-interval:PT1M}")
    void expireRequests() {
        for (Meeting unanswered : meetings.findByStatusAndExpiresAtLessThanEqual(Meeting.Status.REQUESTED,
                clock.instant())) {
            expire(unanswered.id(), Meeting.ExpiredBecause.UNANSWERED);
        }
        for (String eventId : mongo.findDistinct(Query.query(Criteria.where("status").is(Meeting.Status.REQUESTED)),
                "exchangeEventId", Meeting.class, String.class)) {
            expireRequestsInDeadSlots(eventId);
        }
    }

    /** Expires the event's requests whose slot has begun or is no longer in the plan. */
    void expireRequestsInDeadSlots(String eventId) {
        MeetingPlan plan = mongo.findById(eventId, MeetingPlan.class);
        if (plan == null) {
            return;
        }
        Instant now = clock.instant();
        List<String> ahead = plan.slots().stream().filter(slot -> slot.startsAt().isAfter(now))
                .map(MeetingPlan.Slot::id).toList();
        for (Meeting request : meetings.findByExchangeEventIdAndStatusAndSlotIdNotIn(eventId,
                Meeting.Status.REQUESTED, ahead)) {
            expire(request.id(), plan.slot(request.slotId()).isPresent() ? Meeting.ExpiredBecause.SLOT_PASSED
                    : Meeting.ExpiredBecause.SLOT_REMOVED);
        }
    }

    /** A failure is logged; the next run tries again. */
    private void expire(String meetingId, Meeting.ExpiredBecause because) {
        try {
            meetings.changeOnItsOwn(meetingId, meeting -> {
                Instant now = clock.instant();
                if (!meeting.expire(because, now)) {
                    return false;
                }
                MeetingPlan plan = mongo.findById(meeting.exchangeEventId(), MeetingPlan.class);
                announcements.stateEntered(meeting, events.get(meeting.exchangeEventId()), plan, now);
                return true;
            }).ifPresent(expired -> log.info("Meeting request {} expired ({})", meetingId, because));
        } catch (RuntimeException e) {
            log.warn("Meeting request {} could not be expired now; the next run tries again", meetingId, e);
        }
    }
}
