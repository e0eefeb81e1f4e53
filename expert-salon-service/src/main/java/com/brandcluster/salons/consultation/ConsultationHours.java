package com.brandcluster.salons.consultation;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Consultation hours per enterprise and membership year (pattern 3): one account document per cluster, enterprise
 * and membership year, whose {@code usedMinutes} change only by a conditional {@code $inc} with
 * {@code usedMinutes <= limit - n} in the filter, so concurrent bookings on any number of instances never use more
 * than the tier allows. Each reservation is listed with its consultation id, which makes reserving and releasing
 * idempotent (pattern 4: a retry after a crash neither books nor returns hours twice) and lets the housekeeping find
 * reservations whose booking was never written.
 * <p>
 * The membership year is the one ending at the membership's {@code validUntil} when the booking is made: a renewal
 * moves {@code validUntil} and so opens a fresh account; a member in its GRACE period keeps using the year that
 * ended.
 */
@Component
class ConsultationHours {

    static final String COLLECTION = "consultation_hours";

    private final MongoOperations mongo;

    ConsultationHours(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Document(COLLECTION)
    @CompoundIndex(name = "reservation_reserved", def = "{'reservations.reservedAt': 1}")
    record Account(@Id String id, String clusterId, String enterpriseId, String yearEnds, int usedMinutes,
                   List<Reservation> reservations) {
    }

    record Reservation(String consultationId, int minutes, Instant reservedAt) {
    }

    /** The account of the membership year ending {@code yearEnds} (null: a membership without an end). */
    static String accountId(String clusterId, String enterpriseId, LocalDate yearEnds) {
        return clusterId + "/" + enterpriseId + "/" + (yearEnds == null ? "open" : yearEnds.toString());
    }

    /**
     * Reserves the consultation's minutes if they fit under {@code limitMinutes}; true also when this consultation
     * holds its reservation already.
     */
    boolean reserve(String clusterId, String enterpriseId, LocalDate yearEnds, String consultationId, int minutes,
                    int limitMinutes, Instant now) {
        String id = accountId(clusterId, enterpriseId, yearEnds);
        try {
            mongo.insert(new Account(id, clusterId, enterpriseId, yearEnds == null ? null : yearEnds.toString(), 0,
                    List.of()));
        } catch (DuplicateKeyException exists) {
            // the account exists already: the conditional $inc below decides
        }
        Query fits = Query.query(Criteria.where("_id").is(id).and("usedMinutes").lte(limitMinutes - minutes)
                .and("reservations.consultationId").ne(consultationId));
        Update take = new Update().inc("usedMinutes", minutes)
                .push("reservations", new org.bson.Document("consultationId", consultationId)
                        .append("minutes", minutes).append("reservedAt", Date.from(now)));
        return mongo.updateFirst(fits, take, Account.class).getModifiedCount() == 1
                || reservation(id, consultationId).isPresent();
    }

    /**
     * Changes a reservation to {@code minutes} (a booking moved to a slot of another length); false when the extra
     * minutes do not fit.
     */
    boolean adjust(String accountId, String consultationId, int minutes, int limitMinutes) {
        Optional<Reservation> current = reservation(accountId, consultationId);
        if (current.isEmpty()) {
            return false;
        }
        int delta = minutes - current.get().minutes();
        if (delta == 0) {
            return true;
        }
        Criteria held = Criteria.where("_id").is(accountId).and("reservations").elemMatch(
                Criteria.where("consultationId").is(consultationId).and("minutes").is(current.get().minutes()));
        if (delta > 0) {
            held = held.and("usedMinutes").lte(limitMinutes - delta);
        }
        // an array filter: the embedded MongoDB cannot resolve the positional $ from an $elemMatch
        return mongo.updateFirst(Query.query(held), new Update().inc("usedMinutes", delta)
                        .set("reservations.$[held].minutes", minutes)
                        .filterArray(Criteria.where("held.consultationId").is(consultationId)), Account.class)
                .getModifiedCount() == 1;
    }

    /** Returns the consultation's minutes; nothing happens when it holds no reservation (any more). */
    void release(String accountId, String consultationId) {
        reservation(accountId, consultationId).ifPresent(reservation -> mongo.updateFirst(
                Query.query(Criteria.where("_id").is(accountId).and("reservations").elemMatch(
                        Criteria.where("consultationId").is(consultationId).and("minutes").is(reservation.minutes()))),
                new Update().inc("usedMinutes", -reservation.minutes())
                        .pull("reservations", new org.bson.Document("consultationId", consultationId)),
                Account.class));
    }

    /** The minutes the account has used; 0 for an account not opened yet. */
    int usedMinutes(String accountId) {
        Account account = mongo.findById(accountId, Account.class);
        return account == null ? 0 : account.usedMinutes();
    }

    Optional<Reservation> reservation(String accountId, String consultationId) {
        Account account = mongo.findById(accountId, Account.class);
        return account == null ? Optional.empty() : account.reservations().stream()
                .filter(r -> r.consultationId().equals(consultationId)).findFirst();
    }

    /** Accounts with reservations made in {@code [from, to)}: where a failed booking may have left one. */
    List<Account> withReservationsBetween(Instant from, Instant to) {
        return mongo.find(Query.query(Criteria.where("reservations").elemMatch(
                Criteria.where("reservedAt").gte(from).lt(to))), Account.class);
    }
}
