package com.brandcluster.contracts.salons;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The booking enterprise moved a consultation to another slot of the same expert; {@code state} is PENDING again
 * unless the expert confirms bookings automatically.
 */
public record ConsultationRescheduled(UUID eventId, Instant occurredAt, String clusterId, long version,
                    String consultationId, String expertId, String expertName, String expertTimeZone,
                    String enterpriseId, Instant startsAt, Instant endsAt, String topic, String state,
                    Instant previousStartsAt, Instant previousEndsAt)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "salons.consultation.rescheduled.v1";

    @Override
    public String aggregateId() {
        return consultationId;
    }
}
