package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.ClusterEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The alliance founded a cluster, with its tiers and their benefits. */
public record ClusterCreated(UUID eventId, Instant occurredAt, String clusterId, long version,
                 String name, String industry, String region, String status, String memberNumberPrefix, List<TierInfo> tiers)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "membership.cluster.created.v1";

    @Override
    public String aggregateId() {
        return clusterId;
    }
}
