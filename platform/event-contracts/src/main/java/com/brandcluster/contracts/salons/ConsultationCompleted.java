package com.brandcluster.contracts.salons;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/** The expert recorded that a confirmed consultation took place. */
public record ConsultationCompleted(UUID eventId, Instant occurredAt, String clusterId, long version,
                    String consultationId, String expertId, String expertName, String expertTimeZone,
                    String enterpriseId, Instant startsAt, Instant endsAt, String topic)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "salons.consultation.completed.v1";

    @Override
    public String aggregateId() {
        return consultationId;
    }
}
