package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.ClusterEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The alliance office changed who serves as a cluster's secretariat; {@code members} is the whole new list. */
public record SecretariatChanged(UUID eventId, Instant occurredAt, String clusterId, long version,
                 List<SecretariatUser> members, List<String> addedUserIds, List<String> removedUserIds)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "membership.secretariat.changed.v1";

    @Override
    public String aggregateId() {
        return clusterId;
    }
}
