package com.brandcluster.notification.reminder;

import com.brandcluster.notification.inbox.NotificationRequest;
import com.brandcluster.notification.inbox.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Sends the reminders that are due: SCHEDULED, {@code dueAt} reached, start still ahead (a reminder missed until its
 * start, in an outage, is not sent late).
 *
 * <p>Runs on every instance, without a lock (pattern 4, keyed by the reminder's id): each reminder is first notified
 * with its id as the source id, which the {@link Notifier} makes once per user whatever the number of calls, THEN marked
 * SENT with a conditional update ({@code state} still SCHEDULED). Instances racing on one reminder make one
 * notification per user; a crash between the two steps leaves the reminder SCHEDULED, and the next round notifies
 * again, which changes nothing, and marks it. Due reminders are read in batches, in keyset order of
 * {@code (dueAt, _id)} on the {@code state_dueAt} index, so a reminder whose notification fails is passed over until
 * the next round rather than read again.
 */
@Component
class ReminderJob {

    /** How long after its start a reminder is kept, for support questions ("was I reminded?"). */
    static final Duration KEPT_AFTER_START = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final MongoOperations mongo;
    private final Notifier notifier;
    private final ReminderProperties properties;
    private final Clock clock;

    ReminderJob(MongoOperations mongo, Notifier notifier, ReminderProperties properties, Clock clock) {
        this.mongo = mongo;
        this.notifier = notifier;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${brandcluster.notifications.reminders.interval:PT1M}")
    void run() {
        try {
            Instant now = clock.instant();
            remind(now);
            forgetPast(now);
        } catch (RuntimeException e) {
            log.warn("Reminder round failed; the next round continues", e);
        }
    }

    /** One round as of {@code now}; returns how many reminders it marked sent. */
    int remind(Instant now) {
        Criteria due = where("state").is(Reminder.State.SCHEDULED).and("dueAt").lte(now).and("start").gt(now);
        int sent = 0;
        Reminder last = null;
        List<Reminder> batch;
        do {
            Criteria page = last == null ? due : new Criteria().andOperator(due, new Criteria().orOperator(
                    where("dueAt").gt(last.dueAt()),
                    where("dueAt").is(last.dueAt()).and("_id").gt(last.id())));
            batch = mongo.find(Query.query(page).with(Sort.by("dueAt", "_id")).limit(properties.batchSize()),
                    Reminder.class);
            for (Reminder reminder : batch) {
                sent += send(reminder, now) ? 1 : 0;
            }
            last = batch.isEmpty() ? last : batch.getLast();
        } while (batch.size() == properties.batchSize());
        if (sent > 0) {
            log.info("{} reminders sent as of {}", sent, now);
        }
        return sent;
    }

    /**
     * Deletes the reminders whose start is more than {@link #KEPT_AFTER_START} past, sent, dropped or missed alike (no
     * TTL index here); the subjects stay, so that a late event about them still meets the version rule.
     *
     * @return how many were deleted
     */
    long forgetPast(Instant now) {
        return mongo.remove(Query.query(where("start").lt(now.minus(KEPT_AFTER_START))), Reminder.class)
                .getDeletedCount();
    }

    private boolean send(Reminder reminder, Instant now) {
        try {
            for (Recipient recipient : reminder.recipients()) {
                notifier.notify(new NotificationRequest(reminder.id(), recipient.audience(),
                        reminder.kind().category(), reminder.lead().messageKey(reminder.kind()), args(reminder),
                        reminder.timeZone(), reminder.link(), null, now));
            }
        } catch (RuntimeException e) {
            log.warn("Reminder {} not sent; the next round tries again", reminder.id(), e);
            return false;
        }
        return mongo.updateFirst(Query.query(where("_id").is(reminder.id()).and("state").is(Reminder.State.SCHEDULED)),
                new Update().set("state", Reminder.State.SENT).set("sentAt", now), Reminder.class)
                .getModifiedCount() == 1;
    }

    private static Map<String, Object> args(Reminder reminder) {
        Map<String, Object> args = new HashMap<>(reminder.names());
        args.put("start", reminder.start());
        return args;
    }
}
