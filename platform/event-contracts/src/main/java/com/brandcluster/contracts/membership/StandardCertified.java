package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.ClusterEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The secretariat recorded a member's certification against a standard. */
public record StandardCertified(UUID eventId, Instant occurredAt, String clusterId, long version,
                 String adoptionId, String membershipId, String enterpriseId, String standardCode, String standardTitle, String kind, String certificateNumber, String certificationBody, LocalDate expiresOn)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "membership.standard.certified.v1";

    @Override
    public String aggregateId() {
        return adoptionId;
    }
}
