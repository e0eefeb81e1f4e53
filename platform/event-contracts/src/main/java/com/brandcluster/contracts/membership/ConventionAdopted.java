package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.ClusterEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The tally adopted a convention version; it supersedes the previous one. */
public record ConventionAdopted(UUID eventId, Instant occurredAt, String clusterId, long version,
                 String conventionId, int conventionVersion, String title, String supersedesConventionId, Tally tally)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "membership.convention.adopted.v1";

    @Override
    public String aggregateId() {
        return conventionId;
    }
}
