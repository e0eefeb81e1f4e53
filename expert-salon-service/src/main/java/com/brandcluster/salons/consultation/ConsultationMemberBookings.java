package com.brandcluster.salons.consultation;

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
 * Consultations of an enterprise that lost its good standing are kept but flagged for the cluster's secretariat.
 * Both writes are conditional (only unflagged ones are flagged, only flagged ones cleared), so a redelivered event
 * changes nothing; each bumps the version, so a lifecycle save that read the consultation before loses (409) instead
 * of writing the flag back.
 */
@Component
class ConsultationMemberBookings implements MemberBookings {

    private static final Logger log = LoggerFactory.getLogger(ConsultationMemberBookings.class);

    private final MongoOperations mongo;

    ConsultationMemberBookings(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public long flagFuture(String clusterId, String enterpriseId, String reason, Instant now) {
        Query standingAhead = Query.query(Criteria.where("clusterId").is(clusterId).and("enterpriseId").is(enterpriseId)
                .and("state").in(List.of(Consultation.State.PENDING, Consultation.State.CONFIRMED))
                .and("start").gt(now).and("flag").exists(false));
        long flagged = mongo.updateMulti(standingAhead, new Update()
                .set("flag", new Consultation.Flag(reason, now)).inc("version", 1), Consultation.class)
                .getModifiedCount();
        log.info("{} consultations of enterprise {} in {} flagged: membership {}", flagged, enterpriseId, clusterId,
                reason);
        return flagged;
    }

    @Override
    public long clearFlags(String clusterId, String enterpriseId, Instant now) {
        long cleared = mongo.updateMulti(Query.query(Criteria.where("clusterId").is(clusterId)
                        .and("enterpriseId").is(enterpriseId).and("flag").exists(true)),
                new Update().unset("flag").inc("version", 1), Consultation.class).getModifiedCount();
        log.info("{} consultations of enterprise {} in {} no longer flagged", cleared, enterpriseId, clusterId);
        return cleared;
    }
}
