package com.brandcluster.salons.reminder;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Reads what a query matches in bounded batches, ordered by one field and then {@code _id}, each batch starting after
 * the last document of the one before (keyset pagination). Unlike skipping pages, it neither reads a document twice
 * nor passes one over when handling a batch changes which documents the query matches, and a late batch costs no more
 * than the first when an index leads with the query's equality fields and then the ordering field.
 *
 * @param <T> the mapped document type
 */
public final class KeysetBatches<T> {

    private final MongoOperations mongo;
    private final Class<T> type;
    private final String field;
    private final Function<T, ?> fieldValue;
    private final Function<T, String> id;

    /**
     * @param field      the stored field the batches are ordered by
     * @param fieldValue its value in a document
     * @param id         a document's id
     */
    public KeysetBatches(MongoOperations mongo, Class<T> type, String field, Function<T, ?> fieldValue,
                         Function<T, String> id) {
        this.mongo = mongo;
        this.type = type;
        this.field = field;
        this.fieldValue = fieldValue;
        this.id = id;
    }

    /**
     * Hands every document matching {@code criteria} to {@code handler}, which says how many things it did with it
     * (reminders it queued); returns their sum.
     */
    public int sum(Criteria criteria, int batchSize, ToIntFunction<T> handler) {
        int done = 0;
        T last = null;
        List<T> batch;
        do {
            Criteria page = last == null ? criteria : new Criteria().andOperator(criteria, after(last));
            batch = mongo.find(Query.query(page).with(Sort.by(field, "_id")).limit(batchSize), type);
            for (T document : batch) {
                done += handler.applyAsInt(document);
            }
            last = batch.isEmpty() ? last : batch.getLast();
        } while (batch.size() == batchSize);
        return done;
    }

    private Criteria after(T last) {
        Object value = fieldValue.apply(last);
        return new Criteria().orOperator(Criteria.where(field).gt(value),
                Criteria.where(field).is(value).and("_id").gt(id.apply(last)));
    }
}
