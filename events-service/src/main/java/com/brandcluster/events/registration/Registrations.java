package com.brandcluster.events.registration;

import com.brandcluster.events.event.EventNotFoundException;
import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.ExchangeEvents;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.UnprocessableException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Registering for events, reading and cancelling registrations. Seats are reserved with conditional {@code $inc}s
 * ({@link SeatLedger}, pattern 3) before the registration is written, and given back if a later step fails
 * (pattern 4: compensation); each registration change is written with its event in one document write (pattern 1).
 */
@Service
class Registrations {

    private static final Logger log = LoggerFactory.getLogger(Registrations.class);

    private final RegistrationRepository registrations;
    private final ExchangeEvents events;
    private final Admissions admissions;
    private final SeatLedger seats;
    private final Announcements announcements;
    private final Waitlist waitlist;
    private final EventFollowUps followUps;
    private final Clock clock;

    Registrations(RegistrationRepository registrations, ExchangeEvents events, Admissions admissions,
                  SeatLedger seats, Announcements announcements, Waitlist waitlist, EventFollowUps followUps,
                  Clock clock) {
        this.registrations = registrations;
        this.events = events;
        this.admissions = admissions;
        this.seats = seats;
        this.announcements = announcements;
        this.waitlist = waitlist;
        this.followUps = followUps;
        this.clock = clock;
    }

    /** PENDING when approval is needed, otherwise CONFIRMED when the seats are free, WAITLISTED when not. */
    Registration register(String eventId, RegistrationRequests.Register request, Caller caller) {
        String enterpriseId = caller.enterprise()
                .orElseThrow(() -> new ForbiddenException("Only a user acting for an enterprise registers it."));
        ExchangeEvent event = events.readable(eventId, caller);
        if (event.status() == ExchangeEvent.Status.CANCELLED) {
            throw new ConflictException("event-state", "Event in another state",
                    "This event was cancelled: " + event.cancellationReason()).withCurrentState(event.status().name());
        }
        Instant now = clock.instant();
        if (!event.isOpenForRegistration(now)) {
            throw new UnprocessableException("registration-closed", "Registration not open",
                    "Registration for this event is open from " + event.details().registrationOpensAt() + " until "
                            + event.details().registrationClosesAt() + ".");
        }
        Admissions.Admission admission = admissions.admit(event, enterpriseId);
        int wanted = request.attendees().size();
        int limit = admission.seatLimit();
        if (wanted > limit) {
            throw new UnprocessableException("too-many-attendees", "Too many attendees",
                    "The enterprise may hold at most " + limit + " seats at this event.");
        }
        if (!seats.reserveEnterpriseSeats(eventId, enterpriseId, wanted, limit)) {
            int remaining = Math.max(0, limit - seats.enterpriseSeats(eventId, enterpriseId));
            throw new UnprocessableException("enterprise-seats-exceeded", "Seats per enterprise exceeded",
                    "The enterprise's registrations for this event hold its seats already; " + remaining + " of "
                            + limit + " remain.");
        }
        boolean seated = false;
        Registration saved;
        try {
            seated = admission.seatedAtOnce() && seats.reserveEventSeats(event, wanted);
            saved = registrations.insert(newRegistration(event, enterpriseId, request.named(), admission, seated,
                    caller.subject(), now));
        } catch (RuntimeException e) {
            if (seated) {
                seats.releaseEventSeats(eventId, wanted);
            }
            seats.releaseEnterpriseSeats(eventId, enterpriseId, wanted);
            throw e;
        }
        log.info("Registration {} for event {}: {}", saved.id(), eventId, saved.status());
        if (!events.get(eventId).isPublished()) {
            // cancelled while this registration was being written: it follows the event like the others
            followUps.cancelRegistrationsOf(eventId);
            return registrations.get(saved.id());
        }
        if (saved.status() == Registration.Status.WAITLISTED) {
            // seats freed between the failed reservation and the insert would otherwise wait for the next release
            waitlist.offerFreedSeats(eventId);
            return registrations.get(saved.id());
        }
        return saved;
    }

    private Registration newRegistration(ExchangeEvent event, String enterpriseId,
                                         List<Registration.Attendee> attendees, Admissions.Admission admission,
                                         boolean seated, String by, Instant now) {
        String id = new ObjectId().toHexString();
        Registration registration;
        if (!admission.seatedAtOnce()) {
            registration = Registration.pending(id, event.id(), event.clusterId(), enterpriseId, attendees,
                    admission.approvalReason(), by, now);
        } else if (seated) {
            registration = Registration.confirmed(id, event.id(), event.clusterId(), enterpriseId, attendees, by,
                    now);
        } else {
            registration = Registration.waitlisted(id, event.id(), event.clusterId(), enterpriseId, attendees, by,
                    now);
        }
        announcements.stateEntered(registration, event, now);
        return registration;
    }

    Registration get(String registrationId, Caller caller) {
        Registration registration = registrations.get(registrationId);
        if (!caller.actsFor(registration.enterpriseId()) && !caller.isSecretariatOf(registration.clusterId())) {
            throw new ForbiddenException("This registration belongs to another enterprise, in another cluster.");
        }
        return registration;
    }

    /**
     * The secretariat sees every registration for the event, an enterprise its own; oldest first. An enterprise that
     * never registered for the event lists it only if it may read the event, so that an empty page does not confirm a
     * members-only event to outsiders (they get the same 403 as when reading the event).
     */
    Page<Registration> ofEvent(String eventId, Registration.Status status, Caller caller, int page, int size) {
        ExchangeEvent event = events.get(eventId);
        PageRequest request = PageRequest.of(page, size, Sort.by("registeredAt", "_id"));
        if (caller.isSecretariatOf(event.clusterId())) {
            return status == null ? registrations.findByExchangeEventId(eventId, request)
                    : registrations.findByExchangeEventIdAndStatus(eventId, status, request);
        }
        if (event.status() == ExchangeEvent.Status.DRAFT) {
            throw new EventNotFoundException(eventId);
        }
        String enterpriseId = caller.enterprise().orElseThrow(() -> new ForbiddenException(
                "Only the event's secretariat and registering enterprises see its registrations."));
        if (!registrations.existsByExchangeEventIdAndEnterpriseId(eventId, enterpriseId)) {
            events.readable(eventId, caller);
        }
        return status == null ? registrations.findByExchangeEventIdAndEnterpriseId(eventId, enterpriseId, request)
                : registrations.findByExchangeEventIdAndEnterpriseIdAndStatus(eventId, enterpriseId, status, request);
    }

    /** The registering enterprise or the event's secretariat cancels; freed seats go to the waitlist. */
    Registration cancel(String registrationId, String reason, Caller caller) {
        Registration registration = registrations.get(registrationId);
        boolean byEnterprise = caller.actsFor(registration.enterpriseId());
        if (!byEnterprise && !caller.isSecretariatOf(registration.clusterId())) {
            throw new ForbiddenException("Only the registering enterprise or the secretariat of cluster '"
                    + registration.clusterId() + "' cancels this registration.");
        }
        ExchangeEvent event = events.get(registration.exchangeEventId());
        Instant now = clock.instant();
        Registration.Status before = registration.status();
        registration.cancel(caller.subject(), reason, now);
        announcements.ended(registration, event, byEnterprise ? Announcements.CancelledBy.ENTERPRISE
                : Announcements.CancelledBy.SECRETARIAT, reason, now);
        Registration cancelled = registrations.saveChange(registration);
        seats.releaseHeldBy(cancelled, before);
        log.info("Registration {} for event {} cancelled (was {})", cancelled.id(), event.id(), before);
        if (before.holdsSeats()) {
            waitlist.offerFreedSeats(event.id());
        }
        return cancelled;
    }
}
