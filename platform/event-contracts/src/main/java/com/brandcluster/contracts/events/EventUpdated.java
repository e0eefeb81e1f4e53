package com.brandcluster.contracts.events;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The time or the place of a published exchange event changed (other edits are not announced). {@code changes} names
 * what changed, {@code TIME} and/or {@code PLACE}; the {@code previous*} fields say what registrants were told before.
 */
public record EventUpdated(UUID eventId, Instant occurredAt, String clusterId, long version,
                           String exchangeEventId, String title, List<String> changes, Instant startsAt,
                           Instant endsAt, String timeZone, String venue, String onlineLink,
                           Instant previousStartsAt, Instant previousEndsAt, String previousVenue,
                           String previousOnlineLink)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "events.event.updated.v1";

    @Override
    public String aggregateId() {
        return exchangeEventId;
    }
}
