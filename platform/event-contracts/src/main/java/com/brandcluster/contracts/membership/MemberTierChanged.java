package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.ClusterEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A membership moved to another tier. */
public record MemberTierChanged(UUID eventId, Instant occurredAt, String clusterId, long version,
                 String membershipId, String enterpriseId, String memberNumber, String tier, String previousTier, String reason)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "membership.member.tier-changed.v1";

    @Override
    public String aggregateId() {
        return membershipId;
    }
}
