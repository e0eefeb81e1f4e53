package com.brandcluster.salons.reminder;

import java.time.Instant;

/**
 * Bookings of one kind (consultations, salon registrations) that announce, once per booking and start, that they are
 * about to begin. Every bean of this type is called on each round of the {@link ReminderJob}, which may run on several
 * instances at once and again after a crash: an implementation records the start it reminded of in the same
 * conditional document write that adds the reminder to the booking's outbox, so that only one of several writers
 * succeeds and a booking moved to another start is reminded again.
 */
public interface BookingReminders {

    /**
     * Queues a reminder for every confirmed booking that starts after {@code now} (one that has started is left
     * alone) and no later than {@code until}, and that was not reminded of that start yet.
     *
     * @param batchSize how many bookings are read at a time
     * @return how many reminders were queued
     */
    int remind(Instant now, Instant until, int batchSize);
}
