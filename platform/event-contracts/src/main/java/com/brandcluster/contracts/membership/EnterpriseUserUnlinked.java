package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user no longer acts for the enterprise. */
public record EnterpriseUserUnlinked(UUID eventId, Instant occurredAt, String enterpriseId, long version,
                 String userId, String email, String locale, String displayName, String enterpriseRole)
        implements DomainEvent {

    public static final String ROUTING_KEY = "membership.enterprise.user-unlinked.v1";

    @Override
    public String aggregateId() {
        return enterpriseId;
    }
}
