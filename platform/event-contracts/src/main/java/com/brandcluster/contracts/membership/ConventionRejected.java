package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.ClusterEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The tally rejected a convention version: quorum not reached or not enough votes for it. */
public record ConventionRejected(UUID eventId, Instant occurredAt, String clusterId, long version,
                 String conventionId, int conventionVersion, String title, String outcome, Tally tally)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "membership.convention.rejected.v1";

    @Override
    public String aggregateId() {
        return conventionId;
    }
}
