package com.brandcluster.notification.reminder;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One reminder: of one subject, for one start, one lead before it. Its id is the notification's source id
 * ({@code reminder:<kind>:<subjectId>:<start>:<lead>}), so a start that moves makes new reminders rather than changing
 * old ones, and a reminder notified twice (a crash between notifying and marking it sent) makes one notification per
 * user. SCHEDULED until sent, or DROPPED when its subject no longer starts then (cancelled, moved, lapsed); a dropped
 * reminder whose start comes back is SCHEDULED again.
 *
 * <p>The {@code state_dueAt} index serves the job's query (equality on state, range and order on dueAt, then _id);
 * {@code subjectKey_state} the drops of one subject's reminders; {@code start} the clean-up of past ones.
 */
@Document(Reminder.COLLECTION)
@CompoundIndex(name = "state_dueAt", def = "{'state': 1, 'dueAt': 1, '_id': 1}")
@CompoundIndex(name = "subjectKey_state", def = "{'subjectKey': 1, 'state': 1}")
@CompoundIndex(name = "start", def = "{'start': 1}")
record Reminder(@Id String id, String subjectKey, Kind kind, Lead lead, Instant start, Instant dueAt, State state,
                String clusterId, List<Recipient> recipients, Map<String, String> names, @Nullable String timeZone,
                @Nullable String link, Instant scheduledAt, @Nullable Instant sentAt) {

    static final String COLLECTION = "reminders";

    enum State { SCHEDULED, SENT, DROPPED }

    static String key(Kind kind, String subjectId, Instant start, Duration lead) {
        return "reminder:" + kind.key() + ":" + subjectId + ":" + start + ":" + lead;
    }
}
