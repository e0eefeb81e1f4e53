package com.brandcluster.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A registration ended without taking part: {@code cancelledBy} {@code ENTERPRISE}, {@code SECRETARIAT},
 * {@code EVENT_CANCELLED} (the whole event was cancelled; {@code reason} is the event's) or {@code OFFER_LAPSED} (a
 * waitlist offer was not accepted in time). Seats it held are freed. {@code previousState} is the state it left.
 */
public record RegistrationCancelled(UUID eventId, Instant occurredAt, String clusterId, long version,
                                    String registrationId, String exchangeEventId, String title, Instant startsAt,
                                    String timeZone, String enterpriseId, int attendees, String previousState,
                                    String cancelledBy, String reason)
        implements RegistrationEvent {

    public static final String ROUTING_KEY = "events.registration.cancelled.v1";
}
