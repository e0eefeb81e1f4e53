package com.brandcluster.platform.messaging;

import java.time.Clock;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Processed event ids, for consumers that have no projection version to compare (pattern 2 of DESIGN.md §6: a claim
 * document with a unique key). Collection {@value #COLLECTION}, unique on {@code (consumer, eventId)}.
 *
 * <pre>{@code
 * if (!processedEvents.claim("notification-service.members", event.eventId())) {
 *     return; // already handled (redelivery)
 * }
 * try {
 *     sendWelcomeMail(event);
 * }
 * catch (RuntimeException ex) {
 *     processedEvents.release("notification-service.members", event.eventId()); // let the retry do it
 *     throw ex;
 * }
 * }</pre>
 */
public final class ProcessedEvents {

    public static final String COLLECTION = "processed_events";

    private final MongoOperations mongo;
    private final Clock clock;

    public ProcessedEvents(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Creates the unique index (and one on {@code claimedAt} for clean-up jobs); idempotent. */
    public void createIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("consumer", Sort.Direction.ASC).on("eventId", Sort.Direction.ASC)
                .unique().named("consumer_eventId_unique"));
        indexes.createIndex(new Index().on("claimedAt", Sort.Direction.ASC).named("claimedAt"));
    }

    /**
     * Claims an event for a consumer.
     *
     * @return true if this call claimed it (process the event); false if it was claimed before (skip it)
     */
    public boolean claim(String consumer, UUID eventId) {
        try {
            mongo.insert(new Document("consumer", consumer).append("eventId", eventId.toString())
                    .append("claimedAt", Date.from(clock.instant())), COLLECTION);
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    /** Releases a claim, after processing failed, so that the redelivered event is processed again. */
    public void release(String consumer, UUID eventId) {
        mongo.remove(Query.query(Criteria.where("consumer").is(consumer).and("eventId").is(eventId.toString())),
                COLLECTION);
    }

    /** Whether a consumer has claimed an event. */
    public boolean isClaimed(String consumer, UUID eventId) {
        return mongo.exists(Query.query(Criteria.where("consumer").is(consumer).and("eventId").is(eventId.toString())),
                COLLECTION);
    }

    /** Forgets claims older than {@code cutoff} (for a clean-up job; no TTL index here). */
    public long forgetClaimedBefore(java.time.Instant cutoff) {
        return mongo.remove(Query.query(Criteria.where("claimedAt").lt(Date.from(cutoff))), COLLECTION)
                .getDeletedCount();
    }
}
