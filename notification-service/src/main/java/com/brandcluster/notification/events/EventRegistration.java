package com.brandcluster.notification.events;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who registered for an exchange event, kept from the registration events by the registration's version (the
 * projections' version rule): an event's time, place or cancellation is told to the enterprises registered for it.
 *
 * @param state       the registration's last state (CONFIRMED, PENDING, WAITLISTED, OFFERED, DECLINED, CANCELLED)
 * @param cancelledBy for a CANCELLED registration, who cancelled it
 */
@Document(EventRegistration.COLLECTION)
record EventRegistration(@Id String registrationId, @Indexed String exchangeEventId, String enterpriseId,
                         String state, @Nullable String cancelledBy, long version) {

    static final String COLLECTION = "event_registrations";
}
