package com.brandcluster.salons.salon;

import com.brandcluster.salons.membership.MemberBookings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Salon registrations of an enterprise whose membership is not in good standing are kept but flagged for the
 * secretariat. Both directions are one multi-document update whose filter says what is left to do (not flagged for
 * this reason yet; flagged), so a redelivered membership event changes nothing. They also bump each registration's
 * version, so that a registration change read before the flag (a cancellation, an offer) fails its versioned save
 * instead of writing the flag away.
 */
@Component
class RegistrationFlags implements MemberBookings {

    private static final Logger log = LoggerFactory.getLogger(RegistrationFlags.class);
    private static final List<String> OPEN = List.of(Registration.Status.CONFIRMED.name(),
            Registration.Status.WAITLISTED.name(), Registration.Status.OFFERED.name());

    private final MongoOperations mongo;
    private final Salons salons;

    RegistrationFlags(MongoOperations mongo, Salons salons) {
        this.mongo = mongo;
        this.salons = salons;
    }

    /** Flags the open registrations for salons that start after {@code now}; counts those (re-)flagged now. */
    @Override
    public long flagFuture(String clusterId, String enterpriseId, String reason, Instant now) {
        List<String> ahead = salons.startingAfter(List.of(clusterId), now).stream().map(Salon::id).toList();
        if (ahead.isEmpty()) {
            return 0;
        }
        Query toFlag = Query.query(Criteria.where("clusterId").is(clusterId).and("enterpriseId").is(enterpriseId)
                .and("status").in(OPEN).and("salonId").in(ahead).and("flag.reason").ne(reason));
        long flagged = mongo.updateMulti(toFlag, new Update().set("flag", new Registration.Flag(reason, now))
                .inc("revision", 1), Registration.class).getModifiedCount();
        if (flagged > 0) {
            log.info("{} salon registrations of enterprise {} in cluster {} flagged: {}", flagged, enterpriseId,
                    clusterId, reason);
        }
        return flagged;
    }

    @Override
    public long clearFlags(String clusterId, String enterpriseId, Instant now) {
        Query flagged = Query.query(Criteria.where("clusterId").is(clusterId).and("enterpriseId").is(enterpriseId)
                .and("flag").ne(null));
        long cleared = mongo.updateMulti(flagged, new Update().unset("flag").inc("revision", 1), Registration.class)
                .getModifiedCount();
        if (cleared > 0) {
            log.info("Flags of {} salon registrations of enterprise {} in cluster {} cleared", cleared, enterpriseId,
                    clusterId);
        }
        return cleared;
    }
}
