package com.brandcluster.notification.reminder;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Something reminders are made for, as the last event about it left it (a projection under the version rule): a
 * consultation, a salon or event registration, a membership. Its reminders are derived from it (see
 * {@link ReminderSchedule#sync}).
 *
 * @param id         {@code <kind>:<subjectId>}
 * @param parentId   the exchange event of an event registration, whose own updates move the start; else null
 * @param version    the subject's aggregate version last applied
 * @param active     whether it is to be reminded of at all (confirmed, in good standing)
 * @param start      what the reminders count back from: the start, or the moment a membership expires
 * @param startSetAt when the start was set (the occurrence of the event that set it), so that the later of a
 *                   registration's own start and its exchange event's update wins
 * @param names      the texts' named arguments besides the start ({@code expert}, {@code title}, {@code date}...)
 */
@Document(Subject.COLLECTION)
record Subject(@Id String id, Kind kind, String subjectId, @Indexed @Nullable String parentId, String clusterId,
               long version, boolean active, Instant start, Instant startSetAt, List<Recipient> recipients,
               Map<String, String> names, @Nullable String timeZone, @Nullable String link) {

    static final String COLLECTION = "reminder_subjects";

    static String key(Kind kind, String subjectId) {
        return kind.key() + ":" + subjectId;
    }
}
