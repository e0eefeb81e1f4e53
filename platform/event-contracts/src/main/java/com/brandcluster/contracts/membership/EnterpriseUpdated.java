package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An enterprise's profile changed (registration included); the fields are its whole public profile now. */
public record EnterpriseUpdated(UUID eventId, Instant occurredAt, String enterpriseId, long version,
                 String legalName, String region, String industry, String size, String website, List<String> trademarks)
        implements DomainEvent {

    public static final String ROUTING_KEY = "membership.enterprise.updated.v1";

    @Override
    public String aggregateId() {
        return enterpriseId;
    }
}
