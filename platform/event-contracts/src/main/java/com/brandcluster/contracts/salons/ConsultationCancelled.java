package com.brandcluster.contracts.salons;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A consultation was cancelled. {@code cancelledBy} is ENTERPRISE, EXPERT or SECRETARIAT; {@code late} says it came
 * after the expert's cancellation cut-off; {@code hoursReturned} whether its time went back to the enterprise's
 * consultation hours.
 */
public record ConsultationCancelled(UUID eventId, Instant occurredAt, String clusterId, long version,
                    String consultationId, String expertId, String expertName, String expertTimeZone,
                    String enterpriseId, Instant startsAt, Instant endsAt, String topic, String previousState,
                    String cancelledBy, String reason, boolean late, boolean hoursReturned)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "salons.consultation.cancelled.v1";

    @Override
    public String aggregateId() {
        return consultationId;
    }
}
