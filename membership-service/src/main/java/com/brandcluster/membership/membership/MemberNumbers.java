package com.brandcluster.membership.membership;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Member numbers such as {@code LIGHT-2026-0042}: one sequence per number prefix and year (the prefix is the
 * number's namespace, so two clusters that chose the same prefix still never share a number), advanced by an atomic
 * {@code $inc} (pattern 3, a counter changed atomically), so two approvals never draw the same number. The unique
 * index on {@code memberNumber} is the last line of defence.
 */
@Component
class MemberNumbers {

    private static final String COLLECTION = "member_number_sequences";

    private final MongoOperations mongo;

    MemberNumbers(MongoOperations mongo) {
        this.mongo = mongo;
    }

    String next(String prefix, int year) {
        Sequence sequence = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(prefix + "-" + year)),
                new Update().inc("last", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Sequence.class, COLLECTION);
        return format(prefix, year, sequence.last());
    }

    static String format(String prefix, int year, long number) {
        return "%s-%d-%04d".formatted(prefix, year, number);
    }

    record Sequence(String id, long last) {
    }
}
