package com.brandcluster.notification.inbox;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.brandcluster.notification.mail.CalendarInvite;

/**
 * A notification to be made, from an event or a reminder.
 *
 * @param sourceId   what caused it, unique per cause: the event id, or a reminder's key
 *                   ({@code reminder:consultation:<id>:<start>:PT24H}). One notification per source and user.
 * @param audience   who it is for
 * @param category   for preferences
 * @param messageKey message bundle key; {@code <key>.subject} and {@code <key>.body} are resolved in the recipient's
 *                   locale with {@code args} ({@code {name}} placeholders)
 * @param args       named arguments; {@link Instant} values are formatted in the recipient's locale and in
 *                   {@code timeZone}
 * @param timeZone   IANA zone for dates and times (the event's own zone), or null for the recipient's default
 * @param link       portal path the notification leads to ({@code /salons/consultations/abc}), or null
 * @param calendar   an iCalendar entry to attach to the e-mail, or null
 * @param occurredAt when the cause happened
 */
public record NotificationRequest(String sourceId, Audience audience, Category category, String messageKey,
                                  Map<String, Object> args, @Nullable String timeZone, @Nullable String link,
                                  @Nullable CalendarInvite calendar, Instant occurredAt) {

    public NotificationRequest {
        args = Map.copyOf(args);
    }
}
