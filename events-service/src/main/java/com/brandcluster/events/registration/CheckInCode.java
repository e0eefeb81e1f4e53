package com.brandcluster.events.registration;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Pattern 2: an attendee's check-in code, a claim document keyed by the code itself, so that no two attendees ever
 * share one (the unique {@code _id}), with a unique index on the attendee so that each has exactly one, whoever asks
 * for it first. A code is a bearer secret: it is shown only to the registering enterprise and the secretariat, and
 * never logged.
 */
@Document(CheckInCode.COLLECTION)
@CompoundIndex(name = "registration_attendee", def = "{'registrationId': 1, 'attendeeId': 1}", unique = true)
record CheckInCode(@Id String code, String registrationId, String attendeeId, String exchangeEventId,
                   Instant issuedAt) {

    static final String COLLECTION = "event_check_in_codes";
}
