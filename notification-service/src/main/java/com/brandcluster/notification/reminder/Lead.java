package com.brandcluster.notification.reminder;

import java.time.Duration;

/**
 * How long before the start a reminder goes out, with the message that says so: a day and an hour before a booking
 * ("... starts in 1 hour"), the membership lead (30 days by default) before a membership expires.
 */
enum Lead {

    DAY("day"),
    HOUR("hour"),
    EXPIRY("expiry");

    static final Duration ONE_DAY = Duration.ofHours(24);
    static final Duration ONE_HOUR = Duration.ofHours(1);

    private final String messageSuffix;

    Lead(String messageSuffix) {
        this.messageSuffix = messageSuffix;
    }

    /** {@code reminder.<kind>.<lead>}: the texts are {@code .subject} and {@code .body} of it. */
    String messageKey(Kind kind) {
        return "reminder." + kind.key() + "." + messageSuffix;
    }
}
