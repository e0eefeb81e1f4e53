package com.brandcluster.platform.messaging;

import java.util.Map;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Idempotent, order-tolerant projections (DESIGN.md §5): a consumer's projection document keeps the aggregate
 * {@code version} it last applied, and an event changes it only if it is newer, in one conditional write.
 *
 * <pre>{@code
 * projections.applyIfNewer("members", event.membershipId(), event.version(),
 *         new Update().set("status", event.status()).set("clusterId", event.clusterId()));
 * }</pre>
 *
 * The write is an upsert filtered by {@code {_id: id, version: {$lt: version}}} that also sets {@code version}:
 * when the document is absent it is created; when it holds an older version it is updated; when it holds the same or
 * a newer version the filter matches nothing, the upsert tries to insert a second document with the same
 * {@code _id}, and MongoDB refuses it with a duplicate key error, which means "stale or duplicate: ignore".
 * So a suspend (v2) and a reinstate (v3) that arrive as v3, v2, v3 leave the projection at v3.
 *
 * <p>The projection's {@code version} field must be a plain {@code long} (not Spring Data's {@code @Version}).
 */
public final class Projections {

    /** Name of the field that holds the last applied aggregate version. */
    public static final String VERSION_FIELD = "version";

    private final MongoOperations mongo;

    public Projections(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies {@code update} to the projection {@code id} in {@code collection} if {@code version} is newer than the
     * version it holds (or it does not exist yet).
     *
     * @return true if applied; false if the projection already holds this or a newer version
     */
    public boolean applyIfNewer(String collection, String id, long version, Update update) {
        Query newer = Query.query(Criteria.where("_id").is(id).and(VERSION_FIELD).lt(version));
        Update withVersion = copyOf(update).set(VERSION_FIELD, version);
        try {
            mongo.upsert(newer, withVersion, collection);
            return true;
        }
        catch (DuplicateKeyException first) {
            // The document exists with this or a newer version, or a concurrent first write for the same id just
            // inserted it (MongoDB does not retry such an upsert itself because the filter is not only on _id).
            // Now that it certainly exists, a second attempt decides.
            try {
                mongo.upsert(newer, withVersion, collection);
                return true;
            }
            catch (DuplicateKeyException stale) {
                return false;
            }
        }
    }

    private static Update copyOf(Update update) {
        Document copy = new Document();
        for (Map.Entry<String, Object> operator : update.getUpdateObject().entrySet()) {
            Object value = operator.getValue();
            copy.put(operator.getKey(), value instanceof Document document ? new Document(document) : value);
        }
        return Update.fromDocument(copy);
    }
}
