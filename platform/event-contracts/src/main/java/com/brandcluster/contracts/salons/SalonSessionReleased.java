package com.brandcluster.contracts.salons;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A booked or confirmed session slot is open again: the secretariat released it or the expert withdrew
 * ({@code releasedBy} SECRETARIAT or EXPERT); {@code expertId} is the expert who held it, {@code previousState}
 * BOOKED or CONFIRMED. The aggregate is the session slot: {@code version} counts the slot's changes.
 */
public record SalonSessionReleased(UUID eventId, Instant occurredAt, String clusterId, long version,
                    String slotId, String salonId, String salonTitle, String kind, String title,
                    Instant startsAt, Instant endsAt, String timeZone, String expertId, String previousState,
                    String releasedBy)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "salons.session.released.v1";

    @Override
    public String aggregateId() {
        return slotId;
    }
}
