package com.brandcluster.events.registration;

import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.ExchangeEvents;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;

/**
 * The secretariat's approval queue: a pending registration is approved (seats reserved at that moment, or into the
 * waitlist when the event is full) or declined with a reason. Concurrent approvals of one registration: one runs,
 * the others are refused at once ({@link ApprovalClaims}).
 */
@Service
class RegistrationReview {

    private static final Logger log = LoggerFactory.getLogger(RegistrationReview.class);

    private final RegistrationRepository registrations;
    private final ExchangeEvents events;
    private final SeatLedger seats;
    private final Announcements announcements;
    private final ApprovalClaims claims;
    private final Clock clock;

    RegistrationReview(RegistrationRepository registrations, ExchangeEvents events, SeatLedger seats,
                       Announcements announcements, ApprovalClaims claims, Clock clock) {
        this.registrations = registrations;
        this.events = events;
        this.seats = seats;
        this.announcements = announcements;
        this.claims = claims;
        this.clock = clock;
    }

    Registration approve(String registrationId, Caller caller) {
        Registration registration = reviewable(registrationId, caller);
        ExchangeEvent event = events.get(registration.exchangeEventId());
        if (!event.isPublished()) {
            throw new ConflictException("event-state", "Event in another state",
                    "This event is " + event.status() + "; its registrations are no longer approved.")
                    .withCurrentState(event.status().name());
        }
        Instant now = clock.instant();
        boolean pending = registration.status() == Registration.Status.PENDING;
        ApprovalClaims.Claim claim = pending ? claims.claim(registration) : null;
        boolean seated = pending && seats.reserveEventSeats(event, registration.seats());
        try {
            registration.approve(seated, caller.subject(), now);
            announcements.stateEntered(registration, event, now);
            Registration approved = registrations.saveChange(registration);
            log.info("Registration {} for event {} approved: {}", approved.id(), event.id(), approved.status());
            return approved;
        } catch (RuntimeException e) {
            if (seated) {
                seats.releaseEventSeats(event.id(), registration.seats());
            }
            throw e;
        } finally {
            if (claim != null) {
                claims.release(claim);
            }
        }
    }

    Registration decline(String registrationId, String reason, Caller caller) {
        Registration registration = reviewable(registrationId, caller);
        ExchangeEvent event = events.get(registration.exchangeEventId());
        Instant now = clock.instant();
        registration.decline(reason, caller.subject(), now);
        announcements.stateEntered(registration, event, now);
        Registration declined = registrations.saveChange(registration);
        seats.releaseHeldBy(declined, Registration.Status.PENDING);
        log.info("Registration {} for event {} declined", declined.id(), event.id());
        return declined;
    }

    private Registration reviewable(String registrationId, Caller caller) {
        Registration registration = registrations.get(registrationId);
        if (!caller.isSecretariatOf(registration.clusterId())) {
            throw new ForbiddenException("Only the secretariat of cluster '" + registration.clusterId()
                    + "' approves or declines its registrations.");
        }
        return registration;
    }
}
