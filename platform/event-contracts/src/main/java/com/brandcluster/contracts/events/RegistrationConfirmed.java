package com.brandcluster.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A registration holds its seats. {@code confirmedBy}: {@code AUTOMATIC} (a member in good standing under the
 * automatic policy), {@code APPROVAL} (the secretariat approved it) or {@code OFFER_ACCEPTED} (it took seats offered
 * from the waitlist).
 */
public record RegistrationConfirmed(UUID eventId, Instant occurredAt, String clusterId, long version,
                                    String registrationId, String exchangeEventId, String title, Instant startsAt,
                                    String timeZone, String enterpriseId, int attendees, String confirmedBy)
        implements RegistrationEvent {

    public static final String ROUTING_KEY = "events.registration.confirmed.v1";
}
