package com.brandcluster.salons.availability;

import java.time.Duration;

/**
 * How an expert takes consultation bookings, set with their availability.
 *
 * @param autoConfirm        a booking is CONFIRMED at once; otherwise it stays PENDING until the expert confirms it
 * @param cancellationCutoff how long before the start a booking can still be cancelled in time (and moved); a later
 *                           cancellation is allowed but recorded as late
 */
public record BookingPolicy(boolean autoConfirm, Duration cancellationCutoff) {

    /** For availabilities set before the policy existed, and PUTs that leave it out. */
    static final int DEFAULT_CANCELLATION_CUTOFF_MINUTES = 24 * 60;

    /** The policy of optional settings: no automatic confirmation and the default cut-off when absent. */
    static BookingPolicy of(Boolean autoConfirm, Integer cancellationCutoffMinutes) {
        return new BookingPolicy(Boolean.TRUE.equals(autoConfirm), Duration.ofMinutes(cancellationCutoffMinutes == null
                ? DEFAULT_CANCELLATION_CUTOFF_MINUTES : cancellationCutoffMinutes));
    }
}
