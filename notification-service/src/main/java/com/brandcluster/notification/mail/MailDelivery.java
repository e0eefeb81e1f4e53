package com.brandcluster.notification.mail;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One e-mail in the durable queue ({@code mail_deliveries}), keyed by its delivery id so that enqueuing it twice
 * stores it once. QUEUED → SENDING (claimed by one dispatcher until {@code lockedUntil}) → SENT, or back to QUEUED
 * with a later {@code nextAttemptAt} after a failed attempt, or FAILED after the last one. All its state is in this
 * one document and every change of it is one conditional write (pattern 1 of DESIGN.md §6).
 *
 * @param attempts   how many attempts were started (counted when claimed, so that one that crashed counts too)
 * @param lockToken  the claim of the dispatcher sending it; outcome writes must match it
 * @param lastError  a short, safe reason of the last failure (exception class and SMTP reply code), or null
 */
@Document(MailDelivery.COLLECTION)
@CompoundIndex(name = "due", def = "{'state': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "lease", def = "{'state': 1, 'lockedUntil': 1}")
@CompoundIndex(name = "recent", def = "{'state': 1, 'updatedAt': -1}")
record MailDelivery(@Id String id, String to, @Nullable String recipientName, String locale, String subject,
                    String body, @Nullable String actionUrl, @Nullable CalendarInvite calendar, State state,
                    int attempts, Instant nextAttemptAt, @Nullable Instant lockedUntil, @Nullable String lockToken,
                    @Nullable String lastError, Instant createdAt, Instant updatedAt, @Nullable Instant sentAt) {

    static final String COLLECTION = "mail_deliveries";

    enum State {
        QUEUED, SENDING, SENT, FAILED
    }

    static MailDelivery queued(MailRequest request, Instant now) {
        return new MailDelivery(request.deliveryId(), request.to(), request.recipientName(),
                request.locale().toLanguageTag(), request.subject(), request.body(), request.actionUrl(),
                request.calendar(), State.QUEUED, 0, now, null, null, null, now, now, null);
    }

    /** The request as it was enqueued. */
    MailRequest request() {
        return new MailRequest(id, to, recipientName, Locale.forLanguageTag(locale), subject, body, actionUrl,
                calendar);
    }
}
