package com.brandcluster.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An attendee of a confirmed registration was checked in at the exchange event; published once per attendee, however
 * often they are scanned. {@code attendeeId} names the attendee within the registration (no personal data travels),
 * {@code checkedInAt} says when and {@code method} how: {@code CODE} (their check-in code was scanned) or
 * {@code REGISTRATION} (the secretariat checked in the registration's attendees). Each check-in is a change of the
 * registration, so every one carries a version of its own.
 */
public record AttendeeCheckedIn(UUID eventId, Instant occurredAt, String clusterId, long version,
                                String registrationId, String exchangeEventId, String title, Instant startsAt,
                                String timeZone, String enterpriseId, int attendees, String attendeeId,
                                Instant checkedInAt, String method)
        implements RegistrationEvent {

    public static final String ROUTING_KEY = "events.attendance.checked-in.v1";
}
