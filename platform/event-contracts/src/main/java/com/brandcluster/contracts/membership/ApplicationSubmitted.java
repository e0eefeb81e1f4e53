package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/** An enterprise applied to join a cluster; the secretariat has an application to review. */
public record ApplicationSubmitted(UUID eventId, Instant occurredAt, String clusterId, long version,
                                   String applicationId, String enterpriseId, String enterpriseName,
                                   String requestedTier)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "membership.application.submitted.v1";

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
