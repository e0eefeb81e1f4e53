package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An approved application made an enterprise a member of a cluster; the membership starts ACTIVE. */
public record MemberAdmitted(UUID eventId, Instant occurredAt, String clusterId, long version,
                             String membershipId, String enterpriseId, String enterpriseName,
                             String memberNumber, String tier, LocalDate validFrom, LocalDate validUntil)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "membership.member.admitted.v1";

    @Override
    public String aggregateId() {
        return membershipId;
    }
}
