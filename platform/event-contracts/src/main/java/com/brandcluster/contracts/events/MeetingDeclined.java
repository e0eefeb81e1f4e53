package com.brandcluster.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** The invited enterprise declined the request; {@code reason} (null when none was given) is told the requester. */
public record MeetingDeclined(UUID eventId, Instant occurredAt, String clusterId, long version, String meetingId,
                              String exchangeEventId, String title, String slotId, Instant slotStartsAt,
                              Instant slotEndsAt, String timeZone, String requesterEnterpriseId,
                              String inviteeEnterpriseId, String reason)
        implements MeetingEvent {

    public static final String ROUTING_KEY = "events.meeting.declined.v1";
}
