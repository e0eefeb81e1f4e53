package com.brandcluster.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A requested or accepted meeting was called off. {@code cancelledBy}: {@code REQUESTER} or {@code INVITEE} (one of
 * the two enterprises; {@code reason} may be null), {@code REGISTRATION_CANCELLED} (one of them no longer holds a
 * confirmed registration for the event) or {@code EVENT_CANCELLED}. {@code previousState} is {@code REQUESTED} or
 * {@code ACCEPTED}; an accepted meeting's slot and table are free again.
 */
public record MeetingCancelled(UUID eventId, Instant occurredAt, String clusterId, long version, String meetingId,
                               String exchangeEventId, String title, String slotId, Instant slotStartsAt,
                               Instant slotEndsAt, String timeZone, String requesterEnterpriseId,
                               String inviteeEnterpriseId, String previousState, String cancelledBy, String reason)
        implements MeetingEvent {

    public static final String ROUTING_KEY = "events.meeting.cancelled.v1";
}
