package com.brandcluster.events.board;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * How many posts an enterprise may put on one cluster's board per day (UTC), so that no member floods the board.
 * One counter document per cluster and enterprise (pattern 2: its key is unique) holds the day and the posts of that
 * day, and changes only by conditional writes (pattern 3): a counter of an earlier day is moved forward to today
 * and zero, never back, and a post is counted only by an {@code $inc} whose filter says there is room, so any number
 * of simultaneous posts on any number of instances never exceeds the quota.
 */
@Component
class PostingQuota {

    /** {@code day} is an ISO date string: it compares in date order and means the same on every instance. */
    @Document("board_posting_quotas")
    record Counter(@Id String key, String day, int posts) {
    }

    private final MongoOperations mongo;

    PostingQuota(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Counts one post of the enterprise on the day; false when the day's {@code limit} is reached. */
    boolean take(String clusterId, String enterpriseId, LocalDate date, int limit) {
        String key = key(clusterId, enterpriseId);
        String day = date.toString();
        try {
            mongo.insert(new Counter(key, day, 0));
        } catch (DuplicateKeyException exists) {
            // the counter exists: move it to today if it is older, then the conditional $inc decides
            mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("day").lt(day)),
                    new Update().set("day", day).set("posts", 0), Counter.class);
        }
        Query roomLeft = Query.query(Criteria.where("_id").is(key).and("day").is(day).and("posts").lt(limit));
        return mongo.updateFirst(roomLeft, new Update().inc("posts", 1), Counter.class).getModifiedCount() == 1;
    }

    /** Gives back what {@link #take} counted for a post that was then not stored (compensation, pattern 4). */
    void giveBack(String clusterId, String enterpriseId, LocalDate date) {
        Query counted = Query.query(Criteria.where("_id").is(key(clusterId, enterpriseId))
                .and("day").is(date.toString()).and("posts").gt(0));
        mongo.updateFirst(counted, new Update().inc("posts", -1), Counter.class);
    }

    private static String key(String clusterId, String enterpriseId) {
        return clusterId + "/" + enterpriseId;
    }
}
