package com.brandcluster.notification.mail;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An iCalendar (RFC 5545) entry attached to an e-mail: a booking, a registration, or a change of one.
 *
 * @param uid         stable per booking or registration ({@code consultation-<id>@brandcluster}), so that calendar
 *                    programs update the entry they already hold
 * @param sequence    increases with every change (use the aggregate version)
 * @param method      REQUEST for a new or changed entry, CANCEL for a cancelled one
 */
public record CalendarInvite(String uid, long sequence, Method method, Instant start, Instant end, String summary,
                             @Nullable String location, @Nullable String description) {

    public enum Method {
        REQUEST, CANCEL
    }
}
