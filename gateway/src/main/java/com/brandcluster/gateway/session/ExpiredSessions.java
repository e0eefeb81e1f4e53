package com.brandcluster.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Deletes ended sessions. Spring Session would create a TTL index on {@code expireAt}; the platform has none
 * (the embedded MongoDB of tests and local runs ignores TTL), so this job does what the index would: reading a
 * session checks its expiry anyway, deleting is housekeeping. Every gateway instance runs it; a delete by a
 * condition on {@code expireAt} is idempotent, so overlapping runs do no harm (consistency pattern 4: each step
 * idempotent, a repeat finishes the same work and never doubles it).
 */
@Component
class ExpiredSessions {

    static final String EXPIRE_AT = "expireAt";

    private static final Logger log = LoggerFactory.getLogger(ExpiredSessions.class);
    private static final Duration MAX_RUN = Duration.ofMinutes(1);

    private final ReactiveMongoOperations mongo;
    private final BrowserSessionProperties properties;
    private final Clock clock;

    ExpiredSessions(ReactiveMongoOperations mongo, BrowserSessionProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes the sessions that ended before now; answers how many. */
    Mono<Long> delete() {
        Query ended = Query.query(Criteria.where(EXPIRE_AT).lt(Date.from(clock.instant())));
        return mongo.remove(ended, properties.session().collection())
                .map(result -> result.getDeletedCount())
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Deleted {} ended browser sessions", count);
                    }
                });
    }

    /** The scheduled run: failures are logged (the next run tries again), never thrown into the scheduler. */
    void deleteNow() {
        try {
            delete().block(MAX_RUN);
        }
        catch (RuntimeException ex) {
            log.warn("Could not delete ended browser sessions: {}", ex.getClass().getSimpleName());
        }
    }
}
