package com.brandcluster.notification.reminder;

import com.brandcluster.platform.messaging.Projections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keeps the reminders in step with the events about what they remind of.
 *
 * <p>Pattern 4 (steps across documents keyed by the aggregate id, each idempotent): an event first updates the
 * subject's projection under the version rule ({@link Projections}: an older or repeated event changes nothing), then
 * the subject's reminders are derived from the projection as it now stands: those for another start, or for a subject
 * no longer to be reminded of, are DROPPED; those for its start are upserted under their key. The second step runs
 * also for a stale or repeated event, from the stored (newest) state, so a redelivery after a crash between the steps
 * finishes the work, and order and duplicates stay harmless. A reminder whose lead time has already passed when it
 * would be made is not made (booked 3 hours ahead: the 1-hour reminder only).
 */
@Component
class ReminderSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

    private final MongoOperations mongo;
    private final Projections projections;
    private final ReminderProperties properties;
    private final Clock clock;

    ReminderSchedule(MongoOperations mongo, Projections projections, ReminderProperties properties, Clock clock) {
        this.mongo = mongo;
        this.projections = projections;
        this.properties = properties;
        this.clock = clock;
    }

    /** Applies what an event says about a subject (if it is newer than what is known), then syncs its reminders. */
    void apply(Subject change) {
        boolean applied = projections.applyIfNewer(Subject.COLLECTION, change.id(), change.version(), new Update()
                .set("kind", change.kind()).set("subjectId", change.subjectId()).set("parentId", change.parentId())
                .set("clusterId", change.clusterId()).set("active", change.active()).set("start", change.start())
                .set("startSetAt", change.startSetAt()).set("recipients", change.recipients())
                .set("names", change.names()).set("timeZone", change.timeZone()).set("link", change.link()));
        if (!applied) {
            log.debug("Reminder subject {} already at version {} or later", change.id(), change.version());
        }
        if (change.parentId() != null) {
            ExchangeEventStart event = mongo.findById(change.parentId(), ExchangeEventStart.class);
            if (event != null) {
                followEvent(where("_id").is(change.id()), event);
            }
        }
        sync(change.id());
    }

    /**
     * An exchange event moved or was cancelled: its registrations' reminders follow the newer of the event's start and
     * the one their own last event carried.
     */
    void applyEvent(String exchangeEventId, long version, Instant start, Instant occurredAt, boolean cancelled) {
        projections.applyIfNewer(ExchangeEventStart.COLLECTION, exchangeEventId, version, new Update()
                .set("start", start).set("startSetAt", occurredAt).set("cancelled", cancelled));
        ExchangeEventStart event = mongo.findById(exchangeEventId, ExchangeEventStart.class);
        followEvent(where("parentId").is(exchangeEventId), event);
        List<Subject> registrations = mongo.find(Query.query(where("parentId").is(exchangeEventId)), Subject.class);
        registrations.forEach(registration -> sync(registration.id()));
        log.info("Exchange event {} {}: reminders of {} registrations synced", exchangeEventId,
                event.cancelled() ? "cancelled" : "starts at " + event.start(), registrations.size());
    }

    private void followEvent(Criteria subjects, ExchangeEventStart event) {
        mongo.updateMulti(Query.query(subjects.and("startSetAt").lt(event.startSetAt())),
                new Update().set("start", event.start()).set("startSetAt", event.startSetAt()), Subject.class);
    }

    /** Derives the subject's reminders from its projection as it stands; idempotent. */
    void sync(String subjectKey) {
        Subject subject = mongo.findById(subjectKey, Subject.class);
        if (subject == null) {
            return;
        }
        Instant now = clock.instant();
        boolean live = subject.active() && !parentCancelled(subject);
        Criteria stale = where("subjectKey").is(subjectKey).and("state").is(Reminder.State.SCHEDULED);
        if (live) {
            stale = stale.and("start").ne(subject.start());
        }
        long dropped = mongo.updateMulti(Query.query(stale), new Update().set("state", Reminder.State.DROPPED),
                Reminder.class).getModifiedCount();
        int scheduled = 0;
        if (live) {
            for (Map.Entry<Lead, Duration> lead : leadsOf(subject.kind()).entrySet()) {
                Instant dueAt = subject.start().minus(lead.getValue());
                if (!dueAt.isBefore(now)) {
                    schedule(subject, lead.getKey(), lead.getValue(), dueAt, now);
                    scheduled++;
                }
            }
        }
        log.debug("Reminders of {}: {} dropped, {} scheduled for {}", subjectKey, dropped, scheduled, subject.start());
    }

    private void schedule(Subject subject, Lead lead, Duration leadTime, Instant dueAt, Instant now) {
        String id = Reminder.key(subject.kind(), subject.subjectId(), subject.start(), leadTime);
        Query byId = Query.query(where("_id").is(id));
        Update reminder = new Update().set("subjectKey", subject.id()).set("kind", subject.kind()).set("lead", lead)
                .set("start", subject.start()).set("dueAt", dueAt).set("clusterId", subject.clusterId())
                .set("recipients", subject.recipients()).set("names", subject.names())
                .set("timeZone", subject.timeZone()).set("link", subject.link())
                .setOnInsert("state", Reminder.State.SCHEDULED).setOnInsert("scheduledAt", now);
        try {
            mongo.upsert(byId, reminder, Reminder.class);
        } catch (DuplicateKeyException concurrentInsert) {
            mongo.upsert(byId, reminder, Reminder.class);
        }
        // A start that comes back (cancelled, then confirmed again) revives its dropped reminders; sent ones stay sent.
        mongo.updateFirst(Query.query(where("_id").is(id).and("state").is(Reminder.State.DROPPED)),
                new Update().set("state", Reminder.State.SCHEDULED), Reminder.class);
    }

    private boolean parentCancelled(Subject subject) {
        if (subject.parentId() == null) {
            return false;
        }
        ExchangeEventStart event = mongo.findById(subject.parentId(), ExchangeEventStart.class);
        return event != null && event.cancelled();
    }

    private Map<Lead, Duration> leadsOf(Kind kind) {
        return kind == Kind.MEMBERSHIP ? Map.of(Lead.EXPIRY, properties.membershipLead())
                : Map.of(Lead.DAY, Lead.ONE_DAY, Lead.HOUR, Lead.ONE_HOUR);
    }
}
