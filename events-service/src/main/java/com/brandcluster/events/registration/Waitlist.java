package com.brandcluster.events.registration;

import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.ExchangeEvents;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The waitlist of a full event: seats that free up are held for the first waitlisted registration that fits, as an
 * offer for {@code brandcluster.events.registrations.offer-duration} (at most until the event starts); an offer not
 * accepted in time lapses and the seats pass to the next in line.
 */
@Service
class Waitlist {

    private static final Logger log = LoggerFactory.getLogger(Waitlist.class);
    private static final Sort FIRST_IN_LINE = Sort.by("waitlistedAt").ascending().and(Sort.by("_id").ascending());
    /** Bounds the loop when every candidate keeps changing under it; the next freed seat starts it again. */
    private static final int ROUNDS = 100;

    private final RegistrationRepository registrations;
    private final ExchangeEvents events;
    private final SeatLedger seats;
    private final Announcements announcements;
    private final RegistrationProperties properties;
    private final Clock clock;

    Waitlist(RegistrationRepository registrations, ExchangeEvents events, SeatLedger seats,
             Announcements announcements, RegistrationProperties properties, Clock clock) {
        this.registrations = registrations;
        this.events = events;
        this.seats = seats;
        this.announcements = announcements;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * While free seats fit the first waitlisted registration that needs no more than are free, reserves them for it
     * (conditional {@code $inc}) and makes it a timed offer (versioned write); if the registration changed meanwhile,
     * the reserved seats are given back (compensation) and the line is looked at again.
     */
    void offerFreedSeats(String eventId) {
        for (int round = 0; round < ROUNDS; round++) {
            ExchangeEvent event = events.get(eventId);
            Instant now = clock.instant();
            int free = event.details().capacity() - event.seatsTaken();
            if (!event.isPublished() || event.hasStarted(now) || free <= 0) {
                return;
            }
            Optional<Registration> next = registrations
                    .findByExchangeEventIdAndStatus(eventId, Registration.Status.WAITLISTED, FIRST_IN_LINE).stream()
                    .filter(r -> r.seats() <= free).findFirst();
            if (next.isEmpty()) {
                return;
            }
            Registration registration = next.get();
            if (!seats.reserveEventSeats(event, registration.seats())) {
                continue;
            }
            try {
                Instant until = now.plus(properties.offerDuration());
                // to the millisecond, as MongoDB keeps it, so that the event and the document name the same expiry
                registration.offer((until.isBefore(event.details().startsAt()) ? until
                        : event.details().startsAt()).truncatedTo(ChronoUnit.MILLIS), now);
                announcements.stateEntered(registration, event, now);
                registrations.save(registration);
                log.info("Seats of event {} offered to registration {} until {}", eventId, registration.id(),
                        registration.offerExpiresAt());
            } catch (OptimisticLockingFailureException | ConflictException changedMeanwhile) {
                seats.releaseEventSeats(eventId, registration.seats());
            }
        }
    }

    /** The waitlisted enterprise takes the seats offered to it. */
    Registration acceptOffer(String registrationId, Caller caller) {
        Registration registration = registrations.get(registrationId);
        if (!caller.actsFor(registration.enterpriseId())) {
            throw new ForbiddenException("Only the registering enterprise accepts the seats offered to it.");
        }
        ExchangeEvent event = events.get(registration.exchangeEventId());
        Instant now = clock.instant();
        registration.acceptOffer(caller.subject(), now);
        announcements.stateEntered(registration, event, now);
        return registrations.saveChange(registration);
    }

    /**
     * Offers not accepted in time lapse and their seats pass on. Each lapse is a versioned write, so when several
     * instances run this at once, only one of them releases the seats.
     */
    @Scheduled(fixedDelayString = "${brandcluster.events.registrations.offer-lapse-interval:PT1M}")
    void lapseOffers() {
        Instant now = clock.instant();
        for (Registration offered : registrations.findByStatusAndOfferExpiresAtLessThanEqual(
                Registration.Status.OFFERED, now)) {
            try {
                ExchangeEvent event = events.get(offered.exchangeEventId());
                offered.lapse(now);
                announcements.ended(offered, event, Announcements.CancelledBy.OFFER_LAPSED,
                        "offer not accepted by " + offered.offerExpiresAt(), now);
                registrations.save(offered);
                seats.releaseHeldBy(offered, Registration.Status.OFFERED);
                log.info("Offer to registration {} for event {} lapsed", offered.id(), event.id());
                offerFreedSeats(event.id());
            } catch (OptimisticLockingFailureException | ConflictException changedMeanwhile) {
                log.debug("Registration {} changed meanwhile; its offer is settled there", offered.id());
            }
        }
    }
}
