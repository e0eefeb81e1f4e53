package com.brandcluster.salons.reminder;

import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;

/**
 * The one write that reminds a booking (pattern 1 by a conditional update): it records the start the booking was
 * reminded of in {@value #FIELD}, pushes the reminder onto the booking's outbox and bumps the booking's version, guarded
 * by the version that was read and by {@value #FIELD} not being that start yet. Of several instances or overlapping
 * rounds that read the same booking only one write matches; a change of the booking saved from an earlier read fails on
 * the version instead of writing the reminder away; and a booking moved to another start is due again.
 */
public final class ReminderWrites {

    /** The document field holding the start a booking was last reminded of. */
    public static final String FIELD = "remindedFor";

    private static final Logger log = LoggerFactory.getLogger(ReminderWrites.class);

    private ReminderWrites() {
    }

    /**
     * @param versionField the booking's {@code @Version} field
     * @param version      its value when the booking was read
     * @return whether this write reminded the booking (false: another did, or it changed since it was read)
     */
    public static boolean remind(MongoOperations mongo, Class<? extends OutboxCarrier> type, String id,
                                 String versionField, Long version, Instant start, OutboxEntry reminder) {
        Query unchanged = Query.query(Criteria.where("_id").is(id).and(versionField).is(version)
                .and(FIELD).ne(start));
        Update reminded = new Update().set(FIELD, start).push(OutboxCarrier.FIELD, reminder).inc(versionField, 1);
        if (mongo.updateFirst(unchanged, reminded, type).getModifiedCount() == 1) {
            log.info("{} {} reminded of its start at {}", type.getSimpleName(), id, start);
            return true;
        }
        log.debug("{} {} reminded or changed meanwhile; the next round looks again", type.getSimpleName(), id);
        return false;
    }
}
