package com.brandcluster.events.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.brandcluster.platform.web.ConflictException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One approval at a time per pending registration (consistency pattern 2: a claim document with a unique key, here
 * the registration and its version). An approval reserves seats before it saves the registration; without the claim,
 * the reservations of concurrent approvals of the same registration, all but one of which are about to be given
 * back, could make the event look full to the approval that wins, which would then put the registration on the
 * waitlist. The losers are refused at once with 409 and touch no seat. A claim left by a crash is taken over after
 * {@link #STALE}; claims of older versions are never asked for again.
 */
@Component
class ApprovalClaims {

    static final Duration STALE = Duration.ofMinutes(1);

    private final MongoOperations mongo;
    private final Clock clock;

    ApprovalClaims(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document("registration_approval_claims")
    record Claim(@Id String id, Instant claimedAt) {
    }

    /** Claims the approval of this version of the registration, or refuses with 409 while another one runs. */
    Claim claim(Registration registration) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as MongoDB keeps it: release() compares it
        Claim claim = new Claim(registration.id() + ":" + registration.version(), now);
        try {
            return mongo.insert(claim);
        } catch (DuplicateKeyException running) {
            Query stale = Query.query(Criteria.where("_id").is(claim.id()).and("claimedAt").lt(now.minus(STALE)));
            if (mongo.updateFirst(stale, Update.update("claimedAt", now), Claim.class).getModifiedCount() == 1) {
                return claim;
            }
            throw new ConflictException("approval-in-progress", "Approval in progress",
                    "Someone is approving this registration right now; reload it to see the outcome.");
        }
    }

    void release(Claim claim) {
        mongo.remove(Query.query(Criteria.where("_id").is(claim.id()).and("claimedAt").is(claim.claimedAt())),
                Claim.class);
    }
}
