package com.brandcluster.contracts.salons;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/** A registration for a salon was cancelled (by the enterprise or the secretariat) and its seats, if it held any, were freed. */
public record SalonRegistrationCancelled(UUID eventId, Instant occurredAt, String clusterId, long version,
                    String registrationId, String salonId, String title, Instant startsAt, String timeZone,
                    String enterpriseId, int attendees, String previousState, String cancelledBy)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "salons.registration.cancelled.v1";

    @Override
    public String aggregateId() {
        return registrationId;
    }
}
