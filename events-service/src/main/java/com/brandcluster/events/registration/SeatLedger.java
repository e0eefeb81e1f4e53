package com.brandcluster.events.registration;

import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.ExchangeEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The seat counters (pattern 3). An event's {@code seatsTaken} and an enterprise's seats at an event change only by a
 * conditional {@code $inc} whose filter says there is room ({@code taken + n <= limit}), so concurrent registrations on
 * any number of instances never exceed either limit. A change of the event's seats also bumps its revision, so that an
 * edit saved from an older copy of the event fails rather than write an old count back. Releases give back exactly
 * what was reserved.
 */
@Component
class SeatLedger {

    /** A capacity edited between reading the event and reserving is read again, a few times at most. */
    private static final int CAPACITY_CHANGES_TOLERATED = 5;

    private final MongoOperations mongo;
    private final ExchangeEvents events;

    SeatLedger(MongoOperations mongo, ExchangeEvents events) {
        this.mongo = mongo;
        this.events = events;
    }

    /** Takes {@code seats} of the published event's capacity; false when it is full (or no longer published). */
    boolean reserveEventSeats(ExchangeEvent event, int seats) {
        int capacity = event.details().capacity();
        for (int attempt = 0; attempt < CAPACITY_CHANGES_TOLERATED; attempt++) {
            Query roomLeft = Query.query(Criteria.where("_id").is(event.id())
                    .and(ExchangeEvent.STATUS).is(ExchangeEvent.Status.PUBLISHED)
                    .and(ExchangeEvent.CAPACITY).is(capacity)
                    .and(ExchangeEvent.SEATS_TAKEN).lte(capacity - seats));
            if (mongo.updateFirst(roomLeft, seatChange(seats), ExchangeEvent.class).getModifiedCount() == 1) {
                return true;
            }
            ExchangeEvent current = events.get(event.id());
            if (!current.isPublished() || current.details().capacity() == capacity) {
                return false;
            }
            capacity = current.details().capacity();
        }
        return false;
    }

    void releaseEventSeats(String eventId, int seats) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(eventId).and(ExchangeEvent.SEATS_TAKEN).gte(seats)),
                seatChange(-seats), ExchangeEvent.class);
    }

    /** Takes {@code seats} of the enterprise's allowance at the event; false when it would exceed {@code limit}. */
    boolean reserveEnterpriseSeats(String eventId, String enterpriseId, int seats, int limit) {
        String key = EnterpriseSeats.key(eventId, enterpriseId);
        try {
            mongo.insert(new EnterpriseSeats(key, eventId, enterpriseId, 0));
        } catch (DuplicateKeyException exists) {
            // the counter is there already: the conditional $inc below decides
        }
        Query roomLeft = Query.query(Criteria.where("_id").is(key).and("seats").lte(limit - seats));
        return mongo.updateFirst(roomLeft, new Update().inc("seats", seats), EnterpriseSeats.class)
                .getModifiedCount() == 1;
    }

    void releaseEnterpriseSeats(String eventId, String enterpriseId, int seats) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(EnterpriseSeats.key(eventId, enterpriseId))
                        .and("seats").gte(seats)),
                new Update().inc("seats", -seats), EnterpriseSeats.class);
    }

    int enterpriseSeats(String eventId, String enterpriseId) {
        EnterpriseSeats counter = mongo.findById(EnterpriseSeats.key(eventId, enterpriseId), EnterpriseSeats.class);
        return counter == null ? 0 : counter.seats();
    }

    /** Gives back what a registration leaving {@code before} held: its event seats if any, its enterprise's. */
    void releaseHeldBy(Registration registration, Registration.Status before) {
        if (before.holdsSeats()) {
            releaseEventSeats(registration.exchangeEventId(), registration.seats());
        }
        if (before.isOpen()) {
            releaseEnterpriseSeats(registration.exchangeEventId(), registration.enterpriseId(), registration.seats());
        }
    }

    private static Update seatChange(int seats) {
        return new Update().inc(ExchangeEvent.SEATS_TAKEN, seats).inc(ExchangeEvent.REVISION, 1);
    }
}
