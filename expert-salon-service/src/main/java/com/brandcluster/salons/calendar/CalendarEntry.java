package com.brandcluster.salons.calendar;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One booking as a calendar event: what {@link ICalendars} renders as an RFC 5545 {@code VEVENT}.
 *
 * @param uid          stable for the booking's whole life, so a calendar replaces the event instead of adding one
 * @param sequence     grows with every change a calendar must apply (a reschedule, a cancellation); the booking's
 *                     version serves
 * @param start        UTC start
 * @param end          UTC end
 * @param location     a venue, when there is one
 * @param url          an online link, when there is one
 * @param lastModified when the booking last changed (also the {@code DTSTAMP})
 * @param organizer    who holds the event (the expert, the cluster's secretariat), shown as the organiser's name
 */
public record CalendarEntry(String uid, long sequence, Instant start, Instant end, String summary,
                            @Nullable String description, @Nullable String location, @Nullable URI url,
                            Status status, Instant lastModified, String organizer) {

    /** The event's status; a cancelled booking is exported with {@code METHOD:CANCEL}. */
    public enum Status { TENTATIVE, CONFIRMED, CANCELLED }

    public CalendarEntry {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A calendar event ends after it starts");
        }
    }
}
