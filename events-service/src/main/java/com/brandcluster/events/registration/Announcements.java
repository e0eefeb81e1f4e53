package com.brandcluster.events.registration;

import com.brandcluster.contracts.events.AttendeeCheckedIn;
import com.brandcluster.contracts.events.RegistrationCancelled;
import com.brandcluster.contracts.events.RegistrationConfirmed;
import com.brandcluster.contracts.events.RegistrationDeclined;
import com.brandcluster.contracts.events.RegistrationOffered;
import com.brandcluster.contracts.events.RegistrationPending;
import com.brandcluster.contracts.events.RegistrationWaitlisted;
import com.brandcluster.events.event.EventDetails;
import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.platform.outbox.OutboxEvents;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Adds the event that announces a registration's latest change to its outbox, to be written with it (pattern 1). Each
 * carries the registration's version after the change and what a notification names the exchange event by.
 */
@Component
class Announcements {

    /** Who or what ended a registration, as {@code RegistrationCancelled.cancelledBy} says it. */
    enum CancelledBy { ENTERPRISE, SECRETARIAT, EVENT_CANCELLED, OFFER_LAPSED }

    private final OutboxEvents outboxEvents;

    Announcements(OutboxEvents outboxEvents) {
        this.outboxEvents = outboxEvents;
    }

    /** Whatever state the registration has just entered, announced with its own event. */
    void stateEntered(Registration r, ExchangeEvent event, Instant at) {
        EventDetails d = event.details();
        UUID id = UUID.randomUUID();
        r.announce(outboxEvents.entryFor(switch (r.status()) {
            case PENDING -> new RegistrationPending(id, at, r.clusterId(), r.version(), r.id(), event.id(),
                    d.title(), d.startsAt(), d.timeZone(), r.enterpriseId(), r.seats(), r.approvalReason());
            case CONFIRMED -> new RegistrationConfirmed(id, at, r.clusterId(), r.version(), r.id(), event.id(),
                    d.title(), d.startsAt(), d.timeZone(), r.enterpriseId(), r.seats(), confirmedBy(r));
            case WAITLISTED -> new RegistrationWaitlisted(id, at, r.clusterId(), r.version(), r.id(), event.id(),
                    d.title(), d.startsAt(), d.timeZone(), r.enterpriseId(), r.seats(), r.waitlistedAt());
            case OFFERED -> new RegistrationOffered(id, at, r.clusterId(), r.version(), r.id(), event.id(),
                    d.title(), d.startsAt(), d.timeZone(), r.enterpriseId(), r.seats(), r.offerExpiresAt());
            case DECLINED -> new RegistrationDeclined(id, at, r.clusterId(), r.version(), r.id(), event.id(),
                    d.title(), d.startsAt(), d.timeZone(), r.enterpriseId(), r.seats(), r.history().getLast().reason());
            case CANCELLED, LAPSED -> throw new IllegalArgumentException("Say who ended registration " + r.id());
        }));
    }

    /** The registration ended (CANCELLED or LAPSED) and gave up whatever it held. */
    void ended(Registration r, ExchangeEvent event, CancelledBy by, String reason, Instant at) {
        EventDetails d = event.details();
        r.announce(outboxEvents.entryFor(new RegistrationCancelled(UUID.randomUUID(), at, r.clusterId(), r.version(),
                r.id(), event.id(), d.title(), d.startsAt(), d.timeZone(), r.enterpriseId(), r.seats(),
                r.previousStatus().name(), by.name(), reason)));
    }

    /** An attendee was checked in: one event per attendee, carrying the version that recorded their check-in. */
    void checkedIn(Registration r, ExchangeEvent event, Registration.CheckIn checkIn, CheckInMethod method) {
        EventDetails d = event.details();
        Instant at = checkIn.attendee().checkedInAt();
        r.announce(outboxEvents.entryFor(new AttendeeCheckedIn(UUID.randomUUID(), at, r.clusterId(),
                checkIn.version(), r.id(), event.id(), d.title(), d.startsAt(), d.timeZone(), r.enterpriseId(),
                r.seats(), checkIn.attendee().id(), at, method.name())));
    }

    /** How an attendee was checked in, as {@code AttendeeCheckedIn.method} says it. */
    enum CheckInMethod { CODE, REGISTRATION }

    /** AUTOMATIC straight from registration, APPROVAL from pending, OFFER_ACCEPTED from an offer. */
    private static String confirmedBy(Registration r) {
        return switch (r.previousStatus()) {
            case PENDING -> "APPROVAL";
            case OFFERED -> "OFFER_ACCEPTED";
            default -> "AUTOMATIC";
        };
    }
}
