package com.brandcluster.events.registration;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Patterns 2 and 3: one counter per event and enterprise (its key is the unique {@code _id}) of the seats the
 * enterprise's open registrations name; changed only by conditional {@code $inc}s, so an enterprise never holds more
 * than it is entitled to at the event, however many registrations race.
 */
@Document("event_enterprise_seats")
record EnterpriseSeats(@Id String key, String exchangeEventId, String enterpriseId, int seats) {

    static String key(String eventId, String enterpriseId) {
        return eventId + "/" + enterpriseId;
    }
}
