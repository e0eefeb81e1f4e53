package com.brandcluster.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** The invited enterprise accepted: both enterprises meet in the slot at the table assigned ({@code tableName}). */
public record MeetingAccepted(UUID eventId, Instant occurredAt, String clusterId, long version, String meetingId,
                              String exchangeEventId, String title, String slotId, Instant slotStartsAt,
                              Instant slotEndsAt, String timeZone, String requesterEnterpriseId,
                              String inviteeEnterpriseId, String tableId, String tableName)
        implements MeetingEvent {

    public static final String ROUTING_KEY = "events.meeting.accepted.v1";
}
