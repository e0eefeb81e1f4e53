package com.brandcluster.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A request was not answered in time. {@code expiredBecause}: {@code UNANSWERED} (the time to answer ran out),
 * {@code SLOT_PASSED} (the slot began first) or {@code SLOT_REMOVED} (the organiser removed the slot); the slot times
 * are then the last ones known.
 */
public record MeetingExpired(UUID eventId, Instant occurredAt, String clusterId, long version, String meetingId,
                             String exchangeEventId, String title, String slotId, Instant slotStartsAt,
                             Instant slotEndsAt, String timeZone, String requesterEnterpriseId,
                             String inviteeEnterpriseId, String expiredBecause)
        implements MeetingEvent {

    public static final String ROUTING_KEY = "events.meeting.expired.v1";
}
