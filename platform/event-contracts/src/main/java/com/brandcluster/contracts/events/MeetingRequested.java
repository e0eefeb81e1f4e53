package com.brandcluster.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An enterprise asked another for a meeting in a slot, with an optional {@code message}. Unanswered, the request
 * expires at {@code expiresAt} (or when the slot starts, whichever comes first). A request holds nothing: only an
 * accepted meeting takes the slot.
 */
public record MeetingRequested(UUID eventId, Instant occurredAt, String clusterId, long version, String meetingId,
                               String exchangeEventId, String title, String slotId, Instant slotStartsAt,
                               Instant slotEndsAt, String timeZone, String requesterEnterpriseId,
                               String inviteeEnterpriseId, String message, Instant expiresAt)
        implements MeetingEvent {

    public static final String ROUTING_KEY = "events.meeting.requested.v1";
}
