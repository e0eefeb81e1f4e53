package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A membership moved to another status, or was renewed. {@code change} says what happened: SUSPENDED, REINSTATED,
 * GRACE, LAPSED, TERMINATED or RENEWED (a renewal may keep the status ACTIVE and only extend {@code validUntil}).
 * Status and change are strings so that a value added later does not break older consumers.
 */
public record MembershipStatusChanged(UUID eventId, Instant occurredAt, String clusterId, long version,
                                      String membershipId, String enterpriseId, String memberNumber,
                                      String status, String previousStatus, String reason, LocalDate validUntil,
                                      String change)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "membership.member.status-changed.v1";

    @Override
    public String aggregateId() {
        return membershipId;
    }
}
