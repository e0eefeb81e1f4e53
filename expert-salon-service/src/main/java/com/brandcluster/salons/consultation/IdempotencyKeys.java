package com.brandcluster.salons.consultation;

import com.brandcluster.platform.web.UnprocessableException;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code Idempotency-Key}s of bookings, per enterprise (pattern 2: a claim document, unique on enterprise and
 * key). The first request with a key claims it and is given the id its consultation will have; a retry finds the
 * claim: with the same request and the booking done, it gets that consultation back; while the first is still
 * running, it waits for it; with a different request, it is refused. A booking that fails gives its key up, so a
 * retry tries again (a failed booking booked nothing). A claim left unfinished by a crash is taken over after a minute
 * with the same consultation id, so the retry finishes the same booking instead of making a second one (pattern 4).
 * <p>
 * Keys live for {@code brandcluster.consultations.idempotency-key-lifetime}; an expired key counts as unused and the
 * housekeeping deletes it (no TTL index: the embedded MongoDB of the tests ignores them).
 */
@Component
class IdempotencyKeys {

    static final String COLLECTION = "consultation_idempotency_keys";
    /** How long an unfinished claim is assumed to still be running; a booking takes milliseconds. */
    static final Duration TAKEOVER_AFTER = Duration.ofMinutes(1);

    private final MongoOperations mongo;
    private final ConsultationProperties properties;

    IdempotencyKeys(MongoOperations mongo, ConsultationProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    @Document(COLLECTION)
    @CompoundIndex(name = "enterprise_key_unique", def = "{'enterpriseId': 1, 'key': 1}", unique = true)
    record Claim(@Id String id, String enterpriseId, String key, String fingerprint, String consultationId,
                 boolean completed, Instant claimedAt, @Indexed Instant expiresAt) {
    }

    /** What a request with a key does. */
    sealed interface Outcome {
    }

    /** Book, as the consultation with this id. */
    record Execute(String consultationId) implements Outcome {
    }

    /** Answer with the consultation the first request booked. */
    record Replay(String consultationId) implements Outcome {
    }

    /** The first request with this key is still running. */
    record Running() implements Outcome {
    }

    /**
     * Claims the key for a request with this fingerprint.
     *
     * @throws UnprocessableException 422 {@code idempotency-key-reused} for a key used for another request
     */
    Outcome claim(String enterpriseId, String key, String fingerprint, Instant now) {
        while (true) {
            Claim fresh = new Claim(null, enterpriseId, key, fingerprint, new ObjectId().toHexString(), false, now,
                    now.plus(properties.idempotencyKeyLifetime()));
            try {
                mongo.insert(fresh);
                return new Execute(fresh.consultationId());
            } catch (DuplicateKeyException claimed) {
                Claim existing = mongo.findOne(byKey(enterpriseId, key), Claim.class);
                if (existing == null) {
                    continue; // given up or forgotten meanwhile: claim it again
                }
                if (!existing.expiresAt().isAfter(now)) {
                    if (replaced(existing, fresh)) {
                        return new Execute(fresh.consultationId());
                    }
                    continue;
                }
                if (!existing.fingerprint().equals(fingerprint)) {
                    throw new UnprocessableException("idempotency-key-reused", "Idempotency key reused",
                            "This Idempotency-Key was used for a different booking request; use a new key for a new "
                                    + "request.");
                }
                if (existing.completed()) {
                    return new Replay(existing.consultationId());
                }
                if (existing.claimedAt().isAfter(now.minus(TAKEOVER_AFTER))) {
                    return new Running();
                }
                if (takenOver(existing, now)) {
                    return new Execute(existing.consultationId());
                }
            }
        }
    }

    /** The booking was written: retries get it from now on. */
    void complete(String enterpriseId, String key, String consultationId) {
        mongo.updateFirst(Query.query(keyed(enterpriseId, key).and("consultationId").is(consultationId)),
                new Update().set("completed", true), Claim.class);
    }

    /** The booking failed and booked nothing: the key is free for a retry. */
    void giveUp(String enterpriseId, String key, String consultationId) {
        mongo.remove(Query.query(keyed(enterpriseId, key).and("consultationId").is(consultationId)
                .and("completed").is(false)), Claim.class);
    }

    /** Deletes the keys that expired; returns how many. */
    long forgetExpired(Instant now) {
        return mongo.remove(Query.query(Criteria.where("expiresAt").lte(now)), Claim.class).getDeletedCount();
    }

    private boolean replaced(Claim expired, Claim fresh) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(expired.id()).and("expiresAt")
                                .is(expired.expiresAt())),
                new Update().set("fingerprint", fresh.fingerprint()).set("consultationId", fresh.consultationId())
                        .set("completed", false).set("claimedAt", fresh.claimedAt())
                        .set("expiresAt", fresh.expiresAt()), Claim.class).getModifiedCount() == 1;
    }

    private boolean takenOver(Claim stale, Instant now) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(stale.id()).and("completed").is(false)
                        .and("claimedAt").is(stale.claimedAt())),
                new Update().set("claimedAt", now), Claim.class).getModifiedCount() == 1;
    }

    private static Query byKey(String enterpriseId, String key) {
        return Query.query(keyed(enterpriseId, key));
    }

    private static Criteria keyed(String enterpriseId, String key) {
        return Criteria.where("enterpriseId").is(enterpriseId).and("key").is(key);
    }
}
