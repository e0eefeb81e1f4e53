package com.brandcluster.notification.reminder;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * An exchange event's start as its last update or cancellation left it (a projection under the version rule): its
 * registrations' reminders follow it.
 *
 * @param startSetAt when the update that set the start happened
 */
@Document(ExchangeEventStart.COLLECTION)
record ExchangeEventStart(@Id String id, long version, Instant start, Instant startSetAt, boolean cancelled) {

    static final String COLLECTION = "reminder_exchange_events";
}
