package com.brandcluster.notification.mail;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How e-mails are sent ({@code brandcluster.mail.*}; the SMTP server itself is Boot's {@code spring.mail.*}).
 *
 * @param from               the sender, with a display name
 * @param portalUrl          the portal's public address, for the footer's link to the notification preferences
 * @param schedulingEnabled  whether the dispatcher runs on its own every {@code pollInterval} (tests switch it off
 *                           and run it directly)
 * @param pollInterval       how often the dispatcher looks for due deliveries
 * @param batchSize          at most this many deliveries per round
 * @param lease              how long a claimed delivery belongs to the instance that claimed it; after that, another
 *                           instance takes it as crashed. Must exceed the SMTP connect + write timeouts
 * @param maxAttempts        after this many failed attempts a delivery is FAILED (an operator may re-queue it)
 * @param initialBackoff     the wait after the first failed attempt
 * @param backoffMultiplier  each further failed attempt multiplies the wait by this
 * @param maxBackoff         the longest wait between two attempts
 * @param retention          how long SENT deliveries (and the personal data in them) are kept; an hourly job deletes
 *                           older ones (no TTL index: DESIGN.md §6)
 */
@ConfigurationProperties("brandcluster.mail")
public record MailDeliveryProperties(
        @DefaultValue("Brand Cluster Portal <no-reply@brandcluster.local>") String from,
        @DefaultValue("http://localhost:8080") URI portalUrl,
        @DefaultValue("true") boolean schedulingEnabled,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("1m") Duration initialBackoff,
        @DefaultValue("2.0") double backoffMultiplier,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("30d") Duration retention) {

    public MailDeliveryProperties {
        requirePositive(pollInterval, "poll-interval");
        requirePositive(lease, "lease");
        requirePositive(initialBackoff, "initial-backoff");
        requirePositive(maxBackoff, "max-backoff");
        requirePositive(retention, "retention");
        if (batchSize < 1) {
            throw new IllegalArgumentException("brandcluster.mail.batch-size must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("brandcluster.mail.max-attempts must be at least 1");
        }
        if (!(backoffMultiplier >= 1.0)) {
            throw new IllegalArgumentException("brandcluster.mail.backoff-multiplier must be at least 1");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("brandcluster.mail.max-backoff must not be shorter than initial-backoff");
        }
    }

    /** The wait after the {@code failedAttempts}-th failed attempt: exponential from the initial one, capped. */
    public Duration backoffAfter(int failedAttempts) {
        double millis = initialBackoff.toMillis() * Math.pow(backoffMultiplier, Math.max(0, failedAttempts - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    /** Where a recipient manages the notification preferences (the footer's link). */
    public String preferencesUrl() {
        String base = portalUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/notifications/preferences";
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("brandcluster.mail." + name + " must be positive");
        }
    }
}
