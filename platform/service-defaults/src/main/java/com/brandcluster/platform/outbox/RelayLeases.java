package com.brandcluster.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One relay instance at a time per collection (pattern 2 of DESIGN.md §6: a claim document with a unique key, the
 * collection name as {@code _id}, held for a lease that its holder renews), so that several instances of a service
 * do not publish the same pending entries twice. If the holder dies, another instance takes over when the lease
 * expires. Duplicates remain possible in edge cases (consumers are idempotent); this only avoids needless ones.
 */
final class RelayLeases {

    static final String COLLECTION = "outbox_relay_leases";

    private final MongoOperations mongo;
    private final Clock clock;
    private final Duration lease;
    private final String owner = UUID.randomUUID().toString();
    private final Map<String, Instant> heldUntil = new ConcurrentHashMap<>();

    RelayLeases(MongoOperations mongo, Clock clock, Duration lease) {
        this.mongo = mongo;
        this.clock = clock;
        this.lease = lease;
    }

    /** Takes or renews the lease of a collection; false while another instance holds it. */
    boolean acquire(String collection) {
        Instant now = clock.instant();
        Instant until = heldUntil.get(collection);
        if (until != null && until.minus(lease.dividedBy(2)).isAfter(now)) {
            return true; // held, and far from expiring: no write needed
        }
        Instant newUntil = now.plus(lease);
        Query ownOrExpired = Query.query(Criteria.where("_id").is(collection).orOperator(
                Criteria.where("owner").is(owner), Criteria.where("until").lt(Date.from(now))));
        try {
            mongo.upsert(ownOrExpired, new Update().set("owner", owner).set("until", Date.from(newUntil)),
                    COLLECTION);
            heldUntil.put(collection, newUntil);
            return true;
        }
        catch (DuplicateKeyException heldByAnother) {
            heldUntil.remove(collection);
            return false;
        }
    }

    void releaseAll() {
        for (String collection : heldUntil.keySet()) {
            heldUntil.remove(collection);
            mongo.remove(Query.query(Criteria.where("_id").is(collection).and("owner").is(owner)), COLLECTION);
        }
    }
}
