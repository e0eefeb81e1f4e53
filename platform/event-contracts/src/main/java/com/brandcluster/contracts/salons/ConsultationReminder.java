package com.brandcluster.contracts.salons;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A confirmed consultation starts within the reminder lead time: published once per consultation and start (a
 * consultation moved to another time is reminded again for its new start). Times are UTC; {@code expertTimeZone} is
 * the zone the expert works in, for messages that show local times. The consultation records that it was reminded,
 * so {@code version} is the one that record gave it.
 */
public record ConsultationReminder(UUID eventId, Instant occurredAt, String clusterId, long version,
                    String consultationId, String expertId, String expertName, String expertTimeZone,
                    String enterpriseId, Instant startsAt, Instant endsAt, String topic)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "salons.consultation.reminder.v1";

    @Override
    public String aggregateId() {
        return consultationId;
    }
}
