/**
 * Reminders of confirmed bookings shortly before they start, published as events for notification: a scheduled
 * {@link com.brandcluster.salons.reminder.ReminderJob} asks every
 * {@link com.brandcluster.salons.reminder.BookingReminders} (consultations, salon registrations) for the bookings
 * starting within the lead time.
 */
package com.brandcluster.salons.reminder;
