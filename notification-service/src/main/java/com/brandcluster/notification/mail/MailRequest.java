package com.brandcluster.notification.mail;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One e-mail to send.
 *
 * @param deliveryId    unique per e-mail (the notification's id): enqueuing the same id twice sends once
 * @param to            the recipient's address
 * @param recipientName for the greeting, or null
 * @param locale        English or Simplified Chinese; the layout's own words follow it
 * @param subject       already in the recipient's language
 * @param body          already in the recipient's language; paragraphs separated by blank lines
 * @param actionUrl     absolute URL of the portal page the mail leads to, or null
 * @param calendar      iCalendar attachment, or null
 */
public record MailRequest(String deliveryId, String to, @Nullable String recipientName, Locale locale,
                          String subject, String body, @Nullable String actionUrl, @Nullable CalendarInvite calendar) {
}
