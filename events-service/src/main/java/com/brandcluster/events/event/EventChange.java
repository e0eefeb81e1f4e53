package com.brandcluster.events.event;

/**
 * What registrations must follow up after an event changed, published in-process once the change is saved. Each
 * follow-up is idempotent and also found again by a scheduled job, so a crash between the two loses nothing.
 */
public sealed interface EventChange {

    String eventId();

    /** The event was cancelled: its open registrations are cancelled after it. */
    record Cancelled(String eventId) implements EventChange {
    }

    /** The capacity grew: freed seats may go to the waitlist. */
    record CapacityGrew(String eventId) implements EventChange {
    }
}
