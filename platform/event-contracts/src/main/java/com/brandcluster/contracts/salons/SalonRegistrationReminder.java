package com.brandcluster.contracts.salons;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The salon of a confirmed registration starts within the reminder lead time: published once per registration and
 * salon start. Times are UTC with the salon's IANA {@code timeZone}; {@code venue} or {@code onlineLink} may be absent
 * (a salon has at least one). A reminder is no change of the registration: {@code version} is the registration's
 * version as of its last change, so consumers tell reminders apart by {@code eventId}, not by version.
 */
public record SalonRegistrationReminder(UUID eventId, Instant occurredAt, String clusterId, long version,
                    String registrationId, String salonId, String title, Instant startsAt, Instant endsAt,
                    String timeZone, String venue, String onlineLink, String enterpriseId, int attendees)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "salons.registration.reminder.v1";

    @Override
    public String aggregateId() {
        return registrationId;
    }
}
