package com.brandcluster.contracts.salons;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/** Seats freed up and the first waitlisted registration that fits is offered them until {@code offerExpiresAt}; they are held for it until then. */
public record SalonWaitlistOffered(UUID eventId, Instant occurredAt, String clusterId, long version,
                    String registrationId, String salonId, String title, Instant startsAt, String timeZone,
                    String enterpriseId, int attendees, Instant offerExpiresAt)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "salons.waitlist.offered.v1";

    @Override
    public String aggregateId() {
        return registrationId;
    }
}
