package com.brandcluster.contracts.salons;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * An expert booked an open session slot of a salon's programme to lead it; the secretariat confirms or releases it.
 * The aggregate is the session slot: {@code version} counts the slot's changes.
 */
public record SalonSessionBooked(UUID eventId, Instant occurredAt, String clusterId, long version,
                    String slotId, String salonId, String salonTitle, String kind, String title,
                    Instant startsAt, Instant endsAt, String timeZone, String expertId)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "salons.session.booked.v1";

    @Override
    public String aggregateId() {
        return slotId;
    }
}
