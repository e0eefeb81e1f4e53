package com.brandcluster.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.brandcluster.notification.mail.MailDelivery.State;

/**
 * The durable mail queue in MongoDB. Every delivery is one document and every change of it is one conditional write
 * (pattern 1 of DESIGN.md §6): enqueuing relies on the unique {@code _id} (the delivery id), a claim is a
 * {@code findAndModify} from "due" to SENDING, and an outcome is written only by the claim that holds it.
 */
@Component
class MailDeliveries implements MailQueue {

    private static final Logger log = LoggerFactory.getLogger(MailDeliveries.class);

    private final MongoOperations mongo;
    private final Clock clock;

    /** The application's {@link Clock} if it has one (tests control time with it), otherwise the system's, in UTC. */
    MailDeliveries(MongoOperations mongo, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    public void enqueue(MailRequest request) {
        try {
            mongo.insert(MailDelivery.queued(request, clock.instant()));
            log.info("Queued mail delivery {}", request.deliveryId());
        }
        catch (DuplicateKeyException alreadyQueued) {
            log.debug("Mail delivery {} was queued before", request.deliveryId());
        }
    }

    /**
     * Claims the delivery due longest: a QUEUED one whose next attempt is due, or a SENDING one whose claim expired
     * (its dispatcher died). Counts the attempt. Atomic, so of several dispatchers exactly one gets it.
     */
    Optional<MailDelivery> claimNext(Duration lease) {
        Instant now = clock.instant();
        Date at = Date.from(now);
        Query due = Query.query(new Criteria().orOperator(
                        Criteria.where("state").is(State.QUEUED).and("nextAttemptAt").lte(at),
                        Criteria.where("state").is(State.SENDING).and("lockedUntil").lte(at)))
                .with(Sort.by("nextAttemptAt"));
        Update claim = new Update().set("state", State.SENDING).set("lockedUntil", Date.from(now.plus(lease)))
                .set("lockToken", UUID.randomUUID().toString()).set("updatedAt", at).inc("attempts", 1);
        return Optional.ofNullable(mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true),
                MailDelivery.class));
    }

    /** Whether the claim still held the delivery (it had not expired and been taken over). */
    boolean markSent(MailDelivery claimed) {
        Date now = Date.from(clock.instant());
        return outcome(claimed, new Update().set("state", State.SENT).set("sentAt", now).set("updatedAt", now)
                .unset("lockedUntil").unset("lockToken"));
    }

    boolean retryAt(MailDelivery claimed, Instant nextAttemptAt, String reason) {
        return outcome(claimed, new Update().set("state", State.QUEUED).set("nextAttemptAt", Date.from(nextAttemptAt))
                .set("lastError", reason).set("updatedAt", Date.from(clock.instant()))
                .unset("lockedUntil").unset("lockToken"));
    }

    boolean markFailed(MailDelivery claimed, String reason) {
        return outcome(claimed, new Update().set("state", State.FAILED).set("lastError", reason)
                .set("updatedAt", Date.from(clock.instant())).unset("lockedUntil").unset("lockToken"));
    }

    private boolean outcome(MailDelivery claimed, Update update) {
        Query heldByThisClaim = Query.query(Criteria.where("_id").is(claimed.id()).and("state").is(State.SENDING)
                .and("lockToken").is(claimed.lockToken()));
        return mongo.updateFirst(heldByThisClaim, update, MailDelivery.class).getModifiedCount() == 1;
    }

    /** An operator sends a FAILED delivery again, with a fresh set of attempts; false if it is not FAILED. */
    boolean requeue(String deliveryId) {
        Date now = Date.from(clock.instant());
        Query failed = Query.query(Criteria.where("_id").is(deliveryId).and("state").is(State.FAILED));
        Update queued = new Update().set("state", State.QUEUED).set("attempts", 0).set("nextAttemptAt", now)
                .set("updatedAt", now);
        return mongo.updateFirst(failed, queued, MailDelivery.class).getModifiedCount() == 1;
    }

    /** Deletes SENT deliveries last changed before the cutoff; how many. */
    long deleteSentBefore(Instant cutoff) {
        Query old = Query.query(Criteria.where("state").is(State.SENT).and("updatedAt").lt(Date.from(cutoff)));
        return mongo.remove(old, MailDelivery.class).getDeletedCount();
    }

    Instant now() {
        return clock.instant();
    }

    Optional<MailDelivery> find(String deliveryId) {
        return Optional.ofNullable(mongo.findById(deliveryId, MailDelivery.class));
    }

    Map<State, Long> countsByState() {
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (State state : State.values()) {
            counts.put(state, mongo.count(Query.query(Criteria.where("state").is(state)), MailDelivery.class));
        }
        return counts;
    }

    /** The most recently failed deliveries first. */
    List<MailDelivery> failed(int limit) {
        return mongo.find(Query.query(Criteria.where("state").is(State.FAILED))
                .with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(limit), MailDelivery.class);
    }
}
