package com.brandcluster.contracts.events;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The cluster's secretariat published an exchange event: it is open for registration from
 * {@code registrationOpensAt}. {@code venue} or {@code onlineLink} may be null (an event has at least one).
 * {@code visibility} is PUBLIC or MEMBERS_ONLY; {@code registrationPolicy} AUTOMATIC, APPROVAL or OPEN_WITH_APPROVAL.
 */
public record EventPublished(UUID eventId, Instant occurredAt, String clusterId, long version,
                             String exchangeEventId, String kind, String title, Instant startsAt, Instant endsAt,
                             String timeZone, String venue, String onlineLink, String visibility,
                             String registrationPolicy, int capacity, Instant registrationOpensAt,
                             Instant registrationClosesAt)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "events.event.published.v1";

    @Override
    public String aggregateId() {
        return exchangeEventId;
    }
}
