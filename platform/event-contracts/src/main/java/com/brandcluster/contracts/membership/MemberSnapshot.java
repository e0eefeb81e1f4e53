package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.ClusterEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The whole current state of a membership, re-published on request so that a new or damaged projection can be rebuilt; applied like any other event, by its version. */
public record MemberSnapshot(UUID eventId, Instant occurredAt, String clusterId, long version,
                 String membershipId, String enterpriseId, String enterpriseName, String memberNumber, String tier, String status, LocalDate validFrom, LocalDate validUntil)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "membership.member.snapshot.v1";

    @Override
    public String aggregateId() {
        return membershipId;
    }
}
