package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.ClusterEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A convention version went to ballot: the electorate is the enterprises ACTIVE when it opened, one vote each. */
public record ConventionBallotOpened(UUID eventId, Instant occurredAt, String clusterId, long version,
                 String conventionId, int conventionVersion, String title, Instant closesAt, int quorumPercent, List<String> electorate)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "membership.convention.ballot-opened.v1";

    @Override
    public String aggregateId() {
        return conventionId;
    }
}
