package com.brandcluster.events.registration;

import com.brandcluster.events.event.EventChange;
import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.ExchangeEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

/**
 * What registrations do when their event changes (pattern 4): a cancelled event's open registrations are cancelled
 * one by one, each idempotently and with its own event, and the event is marked settled once none is left open; a
 * grown capacity is offered to the waitlist. Done right after the change is saved and, should that be cut short, by
 * the scheduled sweep that finds cancelled events not yet settled.
 */
@Service
class EventFollowUps {

    private static final Logger log = LoggerFactory.getLogger(EventFollowUps.class);

    private final RegistrationRepository registrations;
    private final ExchangeEvents events;
    private final SeatLedger seats;
    private final Announcements announcements;
    private final Waitlist waitlist;
    private final Clock clock;

    EventFollowUps(RegistrationRepository registrations, ExchangeEvents events, SeatLedger seats,
                   Announcements announcements, Waitlist waitlist, Clock clock) {
        this.registrations = registrations;
        this.events = events;
        this.seats = seats;
        this.announcements = announcements;
        this.waitlist = waitlist;
        this.clock = clock;
    }

    /** Runs in the request that changed the event; a failure is logged, and the sweep or the next release retries. */
    @EventListener
    void on(EventChange change) {
        try {
            switch (change) {
                case EventChange.Cancelled cancelled -> cancelRegistrationsOf(cancelled.eventId());
                case EventChange.CapacityGrew grew -> waitlist.offerFreedSeats(grew.eventId());
            }
        } catch (RuntimeException e) {
            log.warn("Follow-up of {} left unfinished; the scheduled sweep completes it", change, e);
        }
    }

    @Scheduled(fixedDelayString = "${brandcluster.events.registrations.offer-lapse-interval:PT1M}")
    void sweepCancelledEvents() {
        events.cancelledWithOpenRegistrations().forEach(this::cancelRegistrationsOf);
    }

    /** Cancels every open registration of the cancelled event, then marks the event settled. Idempotent. */
    void cancelRegistrationsOf(String eventId) {
        ExchangeEvent event = events.get(eventId);
        if (event.status() != ExchangeEvent.Status.CANCELLED) {
            return;
        }
        for (Registration open : registrations.findByExchangeEventIdAndStatusIn(eventId, Registration.Status.OPEN)) {
            cancel(open.id(), event);
        }
        events.registrationsSettled(eventId);
        log.info("Registrations of cancelled event {} all cancelled", eventId);
    }

    private void cancel(String registrationId, ExchangeEvent event) {
        registrations.changeOnItsOwn(registrationId, registration -> {
            if (!registration.status().isOpen()) {
                return false;
            }
            Instant now = clock.instant();
            registration.cancel("system", event.cancellationReason(), now);
            announcements.ended(registration, event, Announcements.CancelledBy.EVENT_CANCELLED,
                    event.cancellationReason(), now);
            return true;
        }).ifPresent(cancelled -> seats.releaseHeldBy(cancelled.registration(), cancelled.before()));
    }
}
