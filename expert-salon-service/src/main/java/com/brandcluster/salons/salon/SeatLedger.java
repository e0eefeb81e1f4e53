package com.brandcluster.salons.salon;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The seat counters (pattern 3): a salon's {@code seatsTaken} and an enterprise's seats per salon change only by a
 * conditional {@code $inc} whose filter says there is room ({@code taken + n <= limit}), so concurrent reservations on
 * any number of instances never exceed either limit. Releases are unconditional decrements of what was reserved.
 */
@Component
class SeatLedger {

    private final MongoOperations mongo;

    SeatLedger(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Takes {@code seats} of the salon's capacity if they are free; false when the salon is too full. */
    boolean reserveSalonSeats(Salon salon, int seats) {
        Query roomLeft = Query.query(Criteria.where("_id").is(salon.id()).and("capacity").is(salon.capacity())
                .and("seatsTaken").lte(salon.capacity() - seats));
        return mongo.updateFirst(roomLeft, new Update().inc("seatsTaken", seats), Salon.class).getModifiedCount() == 1;
    }

    void releaseSalonSeats(String salonId, int seats) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(salonId).and("seatsTaken").gte(seats)),
                new Update().inc("seatsTaken", -seats), Salon.class);
    }

    /** Takes {@code seats} of the enterprise's allowance for the salon; false when it would exceed {@code limit}. */
    boolean reserveEnterpriseSeats(String salonId, String enterpriseId, int seats, int limit) {
        String key = EnterpriseSeats.key(salonId, enterpriseId);
        try {
            mongo.insert(new EnterpriseSeats(key, salonId, enterpriseId, 0));
        } catch (DuplicateKeyException exists) {
            // the counter exists already: the conditional $inc below decides
        }
        Query roomLeft = Query.query(Criteria.where("_id").is(key).and("seats").lte(limit - seats));
        return mongo.updateFirst(roomLeft, new Update().inc("seats", seats), EnterpriseSeats.class)
                .getModifiedCount() == 1;
    }

    void releaseEnterpriseSeats(String salonId, String enterpriseId, int seats) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(EnterpriseSeats.key(salonId, enterpriseId))
                        .and("seats").gte(seats)),
                new Update().inc("seats", -seats), EnterpriseSeats.class);
    }

    int enterpriseSeats(String salonId, String enterpriseId) {
        EnterpriseSeats counter = mongo.findById(EnterpriseSeats.key(salonId, enterpriseId), EnterpriseSeats.class);
        return counter == null ? 0 : counter.seats();
    }
}
