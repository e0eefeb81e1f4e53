package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.ClusterEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The secretariat changed the cluster's tiers; {@code tiers} is the whole new list, ordered by rank. */
public record ClusterTiersChanged(UUID eventId, Instant occurredAt, String clusterId, long version,
                 List<TierInfo> tiers)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "membership.cluster.tiers-changed.v1";

    @Override
    public String aggregateId() {
        return clusterId;
    }
}
