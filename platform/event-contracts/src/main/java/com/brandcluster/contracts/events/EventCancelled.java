package com.brandcluster.contracts.events;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The cluster's secretariat cancelled a published exchange event, with the reason registrants are told. Each of its
 * open registrations is cancelled after it, each with its own {@link RegistrationCancelled} (cancelled by
 * {@code EVENT_CANCELLED}), which names the enterprise to notify.
 */
public record EventCancelled(UUID eventId, Instant occurredAt, String clusterId, long version,
                             String exchangeEventId, String kind, String title, Instant startsAt, Instant endsAt,
                             String timeZone, String venue, String onlineLink, String reason)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "events.event.cancelled.v1";

    @Override
    public String aggregateId() {
        return exchangeEventId;
    }
}
