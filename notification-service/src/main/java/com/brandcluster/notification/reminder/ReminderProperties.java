package com.brandcluster.notification.reminder;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param interval        how often the reminder job looks for due reminders
 * @param batchSize       how many due reminders the job reads at a time
 * @param membershipLead  how long before a membership expires its enterprise is reminded to renew it
 */
@ConfigurationProperties("brandcluster.notifications.reminders")
record ReminderProperties(@DefaultValue("PT1M") Duration interval,
                          @DefaultValue("100") int batchSize,
                          @DefaultValue("30d") Duration membershipLead) {

    ReminderProperties {
        if (!interval.isPositive()) {
            throw new IllegalArgumentException("brandcluster.notifications.reminders.interval must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("brandcluster.notifications.reminders.batch-size must be at least 1");
        }
        if (!membershipLead.isPositive()) {
            throw new IllegalArgumentException(
                    "brandcluster.notifications.reminders.membership-lead must be positive");
        }
    }
}
