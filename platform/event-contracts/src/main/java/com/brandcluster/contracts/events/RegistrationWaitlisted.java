package com.brandcluster.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** The event was full: the registration waits in line (ordered by {@code waitlistedAt}) for seats to free up. */
public record RegistrationWaitlisted(UUID eventId, Instant occurredAt, String clusterId, long version,
                                     String registrationId, String exchangeEventId, String title, Instant startsAt,
                                     String timeZone, String enterpriseId, int attendees, Instant waitlistedAt)
        implements RegistrationEvent {

    public static final String ROUTING_KEY = "events.registration.waitlisted.v1";
}
