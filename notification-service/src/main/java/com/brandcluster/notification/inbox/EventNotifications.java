package com.brandcluster.notification.inbox;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.brandcluster.contracts.DomainEvent;
import com.brandcluster.notification.mail.CalendarInvite;

/** Notification requests caused by a domain event: the event id is the source, so a redelivery notifies nobody twice. */
public final class EventNotifications {

    private EventNotifications() {
    }

    public static NotificationRequest request(DomainEvent cause, Audience audience, Category category,
                                              String messageKey, Map<String, Object> args,
                                              @Nullable String timeZone, @Nullable String link,
                                              @Nullable CalendarInvite calendar) {
        return new NotificationRequest(cause.eventId().toString(), audience, category, messageKey, args, timeZone,
                link, calendar, cause.occurredAt());
    }
}
