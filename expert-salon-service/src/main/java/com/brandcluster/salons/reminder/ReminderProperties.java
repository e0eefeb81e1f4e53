package com.brandcluster.salons.reminder;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param interval  how often the reminder job looks for bookings that start soon
 * @param leadTime  how long before its start a confirmed booking is reminded of
 * @param batchSize how many bookings the job reads at a time
 */
@ConfigurationProperties("brandcluster.reminders")
record ReminderProperties(@DefaultValue("PT1M") Duration interval,
                          @DefaultValue("PT24H") Duration leadTime,
                          @DefaultValue("100") int batchSize) {

    ReminderProperties {
        if (!interval.isPositive()) {
            throw new IllegalArgumentException("brandcluster.reminders.interval must be positive");
        }
        if (!leadTime.isPositive()) {
            throw new IllegalArgumentException("brandcluster.reminders.lead-time must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("brandcluster.reminders.batch-size must be at least 1");
        }
    }
}
