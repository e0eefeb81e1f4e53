package com.brandcluster.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** Seats freed up and are held for a waitlisted registration until {@code offerExpiresAt}; then they pass on. */
public record RegistrationOffered(UUID eventId, Instant occurredAt, String clusterId, long version,
                                  String registrationId, String exchangeEventId, String title, Instant startsAt,
                                  String timeZone, String enterpriseId, int attendees, Instant offerExpiresAt)
        implements RegistrationEvent {

    public static final String ROUTING_KEY = "events.registration.offered.v1";
}
