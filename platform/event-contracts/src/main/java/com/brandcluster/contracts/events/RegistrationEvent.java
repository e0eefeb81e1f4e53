package com.brandcluster.contracts.events;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;

/**
 * What every event about a registration for an exchange event carries besides its own fields: the registration (the
 * aggregate, whose version the event carries), the exchange event with what a notification names it by, the
 * registering enterprise and how many attendees it registered.
 */
public interface RegistrationEvent extends ClusterEvent {

    String registrationId();

    String exchangeEventId();

    String title();

    Instant startsAt();

    String timeZone();

    String enterpriseId();

    int attendees();

    @Override
    default String aggregateId() {
        return registrationId();
    }
}
