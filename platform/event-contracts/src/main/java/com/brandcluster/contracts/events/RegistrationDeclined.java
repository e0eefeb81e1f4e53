package com.brandcluster.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** The secretariat declined a pending registration, with the reason the enterprise is told. */
public record RegistrationDeclined(UUID eventId, Instant occurredAt, String clusterId, long version,
                                   String registrationId, String exchangeEventId, String title, Instant startsAt,
                                   String timeZone, String enterpriseId, int attendees, String reason)
        implements RegistrationEvent {

    public static final String ROUTING_KEY = "events.registration.declined.v1";
}
