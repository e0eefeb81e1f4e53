package com.brandcluster.contracts.salons;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.UUID;

/** A registration for a salon is confirmed: its attendees hold seats (directly, or by accepting a waitlist offer). */
public record SalonRegistrationConfirmed(UUID eventId, Instant occurredAt, String clusterId, long version,
                    String registrationId, String salonId, String title, Instant startsAt, String timeZone,
                    String enterpriseId, int attendees)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "salons.registration.confirmed.v1";

    @Override
    public String aggregateId() {
        return registrationId;
    }
}
