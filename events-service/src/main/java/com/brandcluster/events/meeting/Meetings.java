package com.brandcluster.events.meeting;

import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.ExchangeEvents;
import com.brandcluster.events.meeting.MeetingRequests.RequestInput;
import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.membership.MemberStandings;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.UnprocessableException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Requesting meetings, answering them with a decline, cancelling them and reading them. Each change is written with
 * its event in one document write (pattern 1); a request holds nothing, so none of these but the cancellation of an
 * accepted meeting touches a claim ({@link MeetingAcceptance} is where claims are taken).
 */
@Service
class Meetings {

    private static final Logger log = LoggerFactory.getLogger(Meetings.class);

    private final MeetingRepository meetings;
    private final MongoOperations mongo;
    private final ExchangeEvents events;
    private final MeetingPlans plans;
    private final Participants participants;
    private final MeetingClaims claims;
    private final MeetingAnnouncements announcements;
    private final MeetingProperties properties;
    private final MemberStandings standings;
    private final Clock clock;

    Meetings(MeetingRepository meetings, MongoOperations mongo, ExchangeEvents events, MeetingPlans plans,
             Participants participants, MeetingClaims claims, MeetingAnnouncements announcements,
             MeetingProperties properties, MemberStandings standings, Clock clock) {
        this.meetings = meetings;
        this.mongo = mongo;
        this.events = events;
        this.plans = plans;
        this.participants = participants;
        this.claims = claims;
        this.announcements = announcements;
        this.properties = properties;
        this.standings = standings;
        this.clock = clock;
    }

    /**
     * An enterprise taking part asks another taking part for a meeting in a slot that has not begun, where neither
     * has an accepted meeting yet (read here; the acceptance's claims decide for good).
     */
    Meeting request(String eventId, RequestInput input, Caller caller) {
        String requester = caller.enterprise().orElseThrow(() ->
                new ForbiddenException("Only a user acting for a registered enterprise requests meetings."));
        ExchangeEvent event = participants.takingPart(eventId, requester, caller);
        MeetingPlan plan = plans.find(eventId).orElseThrow(MeetingProblems::matchmakingNotEnabled);
        String invitee = input.withEnterpriseId();
        if (!invitee.equals(requester) && !participants.isRegistered(eventId, invitee)) {
            throw new UnprocessableException("invitee-not-registered", "Invitee not registered",
                    "Enterprise '" + invitee + "' has no confirmed registration for this event.");
        }
        MeetingPlan.Slot slot = plan.slot(input.slotId()).orElseThrow(() -> new UnprocessableException(
                "unknown-slot", "Unknown slot", "The event has no meeting slot '" + input.slotId() + "'."));
        Instant now = clock.instant();
        if (!slot.startsAt().isAfter(now)) {
            throw new UnprocessableException("slot-passed", "Slot passed",
                    "The slot began at " + slot.startsAt() + "; choose a later one.");
        }
        if (hasAcceptedMeeting(eventId, slot.id(), requester)) {
            throw MeetingProblems.slotTaken("You have an accepted meeting in this slot already.");
        }
        if (hasAcceptedMeeting(eventId, slot.id(), invitee)) {
            throw MeetingProblems.slotTaken("The enterprise you invite has an accepted meeting in this slot already.");
        }
        Meeting meeting = Meeting.request(new ObjectId().toHexString(), eventId, event.clusterId(), slot.id(),
                slot.times(), requester, invitee, blankToNull(input.message()),
                now.plus(properties.requestExpiry()).truncatedTo(ChronoUnit.MILLIS), caller.subject(), now);
        announcements.stateEntered(meeting, event, plan, now);
        Meeting saved = meetings.insert(meeting);
        log.info("Meeting {} requested at event {} in slot {}", saved.id(), eventId, slot.id());
        return saved;
    }

    /** One meeting, for its two enterprises and the secretariat of its cluster. */
    Meeting get(String meetingId, Caller caller) {
        Meeting meeting = meetings.get(meetingId);
        if (!caller.actsFor(meeting.requesterEnterpriseId()) && !caller.actsFor(meeting.inviteeEnterpriseId())
                && !caller.isSecretariatOf(meeting.clusterId())) {
            throw new ForbiddenException("This meeting is between two other enterprises.");
        }
        return meeting;
    }

    /** The invited enterprise declines, optionally saying why. */
    Meeting decline(String meetingId, String reason, Caller caller) {
        Meeting meeting = meetings.get(meetingId);
        if (!caller.actsFor(meeting.inviteeEnterpriseId())) {
            throw new ForbiddenException("Only the invited enterprise answers a meeting request.");
        }
        ExchangeEvent event = events.get(meeting.exchangeEventId());
        Instant now = clock.instant();
        meeting.decline(blankToNull(reason), caller.subject(), now);
        announcements.stateEntered(meeting, event, plans.get(event.id()), now);
        Meeting declined = meetings.saveChange(meeting);
        log.info("Meeting {} declined", meetingId);
        return declined;
    }

    /**
     * Either enterprise calls the meeting off. An accepted meeting's claims are marked unsettled first, so that if
     * this is cut short after the meeting is saved, {@link MeetingClaimRepair} frees them; they are freed right after.
     */
    Meeting cancel(String meetingId, String reason, Caller caller) {
        Meeting meeting = meetings.get(meetingId);
        Meeting.CancelledBy who;
        if (caller.actsFor(meeting.requesterEnterpriseId())) {
            who = Meeting.CancelledBy.REQUESTER;
        } else if (caller.actsFor(meeting.inviteeEnterpriseId())) {
            who = Meeting.CancelledBy.INVITEE;
        } else {
            throw new ForbiddenException("Only the two enterprises of a meeting call it off.");
        }
        ExchangeEvent event = events.get(meeting.exchangeEventId());
        Instant now = clock.instant();
        boolean accepted = meeting.status() == Meeting.Status.ACCEPTED;
        meeting.cancel(who, blankToNull(reason), caller.subject(), now);
        announcements.stateEntered(meeting, event, plans.get(event.id()), now);
        if (accepted) {
            claims.unconfirm(meetingId);
        }
        Meeting cancelled = meetings.saveChange(meeting);
        claims.releaseAll(meetingId);
        log.info("Meeting {} cancelled by the {}", meetingId, who);
        return cancelled;
    }

    /**
     * Calls off an enterprise's open meetings at the event on its own (the enterprise left the event, or the event
     * was cancelled). Idempotent: meetings that ended already are left alone.
     *
     * @return how many were called off
     */
    int cancelOpenMeetingsOf(String eventId, String enterpriseId, Meeting.CancelledBy why, String reason) {
        int cancelled = 0;
        for (Meeting open : mongo.find(Query.query(ofParty(eventId, enterpriseId).and("status")
                .in(Meeting.Status.OPEN)), Meeting.class)) {
            boolean done = meetings.changeOnItsOwn(open.id(), meeting -> {
                if (!Meeting.Status.OPEN.contains(meeting.status())) {
                    return false;
                }
                if (meeting.status() == Meeting.Status.ACCEPTED) {
                    claims.unconfirm(meeting.id());
                }
                Instant now = clock.instant();
                meeting.cancel(why, reason, "system", now);
                ExchangeEvent event = events.get(eventId);
                announcements.stateEntered(meeting, event, plans.get(eventId), now);
                return true;
            }).isPresent();
            claims.releaseAll(open.id());
            cancelled += done ? 1 : 0;
        }
        return cancelled;
    }

    /**
     * What the caller sees of the event's meetings: an enterprise its own (filtered by state), the secretariat the
     * grid of accepted meetings with the count of meetings in each state or, asking for a state, every meeting in it.
     */
    Listing list(String eventId, Meeting.Status status, Caller caller) {
        Participants.Reader reader = participants.readableEvent(eventId, caller);
        MeetingPlan plan = plans.get(eventId);
        if (!reader.isSecretariat()) {
            return new Listing(reader.event(), plan, reader.enterpriseId(),
                    ofEnterprise(eventId, reader.enterpriseId(), status, plan), null);
        }
        if (status != null) {
            return new Listing(reader.event(), plan, null, ofEvent(eventId, status, plan), null);
        }
        Map<Meeting.Status, Long> counts = new EnumMap<>(Meeting.Status.class);
        for (Meeting.Status each : Meeting.Status.values()) {
            counts.put(each, meetings.countByExchangeEventIdAndStatus(eventId, each));
        }
        return new Listing(reader.event(), plan, null,
                meetings.findByExchangeEventIdAndStatus(eventId, Meeting.Status.ACCEPTED), counts);
    }

    /**
     * @param enterpriseId whose meetings these are; null for the secretariat
     * @param counts       the number of meetings in each state, for the secretariat's grid; null otherwise
     */
    record Listing(ExchangeEvent event, MeetingPlan plan, String enterpriseId, List<Meeting> meetings,
                   Map<Meeting.Status, Long> counts) {

        boolean isGrid() {
            return counts != null;
        }
    }

    /** The calling enterprise's meetings at the event as iCalendar, with the other enterprises by name. */
    String calendar(String eventId, Caller caller) {
        Participants.Reader reader = participants.readableEvent(eventId, caller);
        if (reader.isSecretariat()) {
            throw new ForbiddenException("A meeting calendar is an enterprise's own; the secretariat reads the grid.");
        }
        MeetingPlan plan = plans.get(eventId);
        String clusterId = reader.event().clusterId();
        return MeetingCalendar.render(reader.enterpriseId(), ofEnterprise(eventId, reader.enterpriseId(), null, plan),
                reader.event(), id -> standings.of(clusterId, id).map(MemberStanding::enterpriseName).orElse(id));
    }

    /** The zone the event's times are shown in. */
    ZoneId zoneOf(String eventId) {
        return ZoneId.of(events.get(eventId).details().timeZone());
    }

    /** The enterprise's meetings at the event, requested by it or of it, in the order of their slots. */
    private List<Meeting> ofEnterprise(String eventId, String enterpriseId, Meeting.Status status, MeetingPlan plan) {
        Criteria criteria = ofParty(eventId, enterpriseId);
        return inSlotOrder(status == null ? criteria : criteria.and("status").is(status), plan);
    }

    /** Every meeting at the event in this state, in the order of their slots. */
    private List<Meeting> ofEvent(String eventId, Meeting.Status status, MeetingPlan plan) {
        return inSlotOrder(Criteria.where("exchangeEventId").is(eventId).and("status").is(status), plan);
    }

    private List<Meeting> inSlotOrder(Criteria criteria, MeetingPlan plan) {
        Comparator<Meeting> bySlot = Comparator.comparing(m -> plan.slot(m.slotId())
                .map(MeetingPlan.Slot::startsAt).orElse(m.slotTimes().startsAt()));
        return mongo.find(Query.query(criteria), Meeting.class).stream()
                .sorted(bySlot.thenComparing(Meeting::requestedAt).thenComparing(Meeting::id)).toList();
    }

    private boolean hasAcceptedMeeting(String eventId, String slotId, String enterpriseId) {
        return mongo.exists(Query.query(ofParty(eventId, enterpriseId).and("slotId").is(slotId).and("status")
                .is(Meeting.Status.ACCEPTED)), Meeting.class);
    }

    private static Criteria ofParty(String eventId, String enterpriseId) {
        return Criteria.where("exchangeEventId").is(eventId).orOperator(
                Criteria.where("requesterEnterpriseId").is(enterpriseId),
                Criteria.where("inviteeEnterpriseId").is(enterpriseId));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
