package com.brandcluster.salons.reminder;

import com.brandcluster.platform.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Reminds confirmed bookings that start within the lead time, through every {@link BookingReminders}. It runs on every
 * instance; the bookings' conditional writes make each reminder go out once however many rounds overlap, and a round
 * that missed some (an outage) is made good by the next, except for bookings that have started meanwhile.
 */
@Component
public class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final ObjectProvider<BookingReminders> reminders;
    private final ObjectProvider<OutboxRelay> relay;
    private final ReminderProperties properties;
    private final Clock clock;

    ReminderJob(ObjectProvider<BookingReminders> reminders, ObjectProvider<OutboxRelay> relay,
                ReminderProperties properties, Clock clock) {
        this.reminders = reminders;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${brandcluster.reminders.interval:PT1M}")
    void run() {
        remind(clock.instant());
    }

    /** One round as of {@code now}; returns how many reminders it queued. */
    public int remind(Instant now) {
        Instant until = now.plus(properties.leadTime());
        int queued = reminders.orderedStream().mapToInt(each -> each.remind(now, until, properties.batchSize())).sum();
        if (queued > 0) {
            relay.ifAvailable(OutboxRelay::wakeUp); // the reminders were queued by updates, not saves: nothing woke it
            log.info("{} reminders queued for bookings starting by {}", queued, until);
        }
        return queued;
    }
}
