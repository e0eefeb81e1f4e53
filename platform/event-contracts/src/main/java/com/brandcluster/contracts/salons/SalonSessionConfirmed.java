package com.brandcluster.contracts.salons;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The secretariat confirmed the expert who booked a session slot: the session is on the salon's public programme.
 * The aggregate is the session slot: {@code version} counts the slot's changes.
 */
public record SalonSessionConfirmed(UUID eventId, Instant occurredAt, String clusterId, long version,
                    String slotId, String salonId, String salonTitle, String kind, String title,
                    Instant startsAt, Instant endsAt, String timeZone, String expertId)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "salons.session.confirmed.v1";

    @Override
    public String aggregateId() {
        return slotId;
    }
}
