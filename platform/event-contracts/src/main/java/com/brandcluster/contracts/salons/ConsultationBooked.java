package com.brandcluster.contracts.salons;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * An enterprise booked a one-to-one consultation with an expert: {@code state} PENDING until the expert confirms it,
 * or CONFIRMED at once when the expert confirms bookings automatically. Times are UTC; {@code expertTimeZone} is the
 * zone the expert works in, for messages that show local times.
 */
public record ConsultationBooked(UUID eventId, Instant occurredAt, String clusterId, long version,
                    String consultationId, String expertId, String expertName, String expertTimeZone,
                    String enterpriseId, Instant startsAt, Instant endsAt, String topic, String state)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "salons.consultation.booked.v1";

    @Override
    public String aggregateId() {
        return consultationId;
    }
}
