package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.ClusterEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The secretariat rejected an application, with its reason. */
public record ApplicationRejected(UUID eventId, Instant occurredAt, String clusterId, long version,
                 String applicationId, String enterpriseId, String enterpriseName, String reason)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "membership.application.rejected.v1";

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
