package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user now acts for the enterprise (its registrant, or an invited colleague), with what notifications need to reach them. */
public record EnterpriseUserLinked(UUID eventId, Instant occurredAt, String enterpriseId, long version,
                 String userId, String email, String locale, String displayName, String enterpriseRole)
        implements DomainEvent {

    public static final String ROUTING_KEY = "membership.enterprise.user-linked.v1";

    @Override
    public String aggregateId() {
        return enterpriseId;
    }
}
