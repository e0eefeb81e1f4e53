package com.brandcluster.salons.salon;

import com.brandcluster.contracts.salons.SalonRegistrationCancelled;
import com.brandcluster.contracts.salons.SalonRegistrationConfirmed;
import com.brandcluster.contracts.salons.SalonWaitlistOffered;
import com.brandcluster.platform.membership.MemberStandings;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.UnprocessableException;
import com.brandcluster.salons.calendar.CalendarEntry;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registering for salons, the waitlist and its offers. Seats are reserved with conditional {@code $inc}s
 * ({@link SeatLedger}, pattern 3) before the registration is written, and released again if a later step fails
 * (pattern 4: compensation); every registration change is written with its event in one document write (pattern 1).
 */
@Service
class Registrations {

    private static final Logger log = LoggerFactory.getLogger(Registrations.class);
    private static final Sort FIRST_IN_LINE = Sort.by("waitlistedAt").ascending().and(Sort.by("id").ascending());

    private final RegistrationRepository registrations;
    private final Salons salons;
    private final SeatLedger seats;
    private final MemberStandings standings;
    private final OutboxEvents outboxEvents;
    private final SalonProperties properties;
    private final Clock clock;

    Registrations(RegistrationRepository registrations, Salons salons, SeatLedger seats, MemberStandings standings,
                  OutboxEvents outboxEvents, SalonProperties properties, Clock clock) {
        this.registrations = registrations;
        this.salons = salons;
        this.seats = seats;
        this.standings = standings;
        this.outboxEvents = outboxEvents;
        this.properties = properties;
        this.clock = clock;
    }

    /** Confirmed when the seats are free, waitlisted when the salon is full. */
    Registration register(String salonId, SalonRequests.Register request, Caller caller) {
        Salon salon = salons.get(salonId);
        String enterpriseId = caller.enterprise()
                .orElseThrow(() -> new ForbiddenException("Only a user acting for a member enterprise registers."));
        if (!standings.isInGoodStanding(salon.clusterId(), enterpriseId)) {
            throw new NotAMemberException(salon.clusterId());
        }
        int wanted = request.attendees().size();
        if (wanted > salon.seatsPerEnterprise()) {
            throw new UnprocessableException("too-many-attendees", "Too many attendees",
                    "An enterprise has at most " + salon.seatsPerEnterprise() + " seats at this salon.");
        }
        Instant now = clock.instant();
        if (!salon.isOpenForRegistration(now)) {
            throw new UnprocessableException("registration-closed", "Registration not open",
                    "Registration for this salon is open from " + salon.registrationOpensAt() + " until "
                            + salon.registrationClosesAt() + ".");
        }
        if (!seats.reserveEnterpriseSeats(salonId, enterpriseId, wanted, salon.seatsPerEnterprise())) {
            int remaining = Math.max(0, salon.seatsPerEnterprise() - seats.enterpriseSeats(salonId, enterpriseId));
            throw new UnprocessableException("enterprise-seats-exceeded", "Seats per enterprise exceeded",
                    "The enterprise's registrations for this salon hold its seats already; " + remaining
                            + " of " + salon.seatsPerEnterprise() + " remain.");
        }
        boolean seated = false;
        Registration saved;
        try {
            seated = seats.reserveSalonSeats(salon, wanted);
            List<Registration.Attendee> attendees = request.attendees().stream()
                    .map(a -> new Registration.Attendee(a.name(), a.email(), a.position())).toList();
            String id = new ObjectId().toHexString();
            Registration registration = seated
                    ? Registration.confirmed(id, salon, enterpriseId, attendees, caller.subject(), now)
                    : Registration.waitlisted(id, salon, enterpriseId, attendees, caller.subject(), now);
            if (seated) {
                registration.announce(outboxEvents.entryFor(confirmedEvent(registration, salon, now)));
            }
            saved = registrations.insert(registration);
        } catch (RuntimeException e) {
            if (seated) {
                seats.releaseSalonSeats(salonId, wanted);
            }
            seats.releaseEnterpriseSeats(salonId, enterpriseId, wanted);
            throw e;
        }
        log.info("Registration {} for salon {}: {}", saved.id(), salonId, saved.status());
        if (seated) {
            return saved;
        }
        // seats freed between the failed reservation and the insert would otherwise wait for the next cancellation
        offerFreedSeats(salonId);
        return registrations.findById(saved.id()).orElse(saved);
    }

    /** The registering enterprise or the salon's secretariat cancels; the freed seats are offered to the waitlist. */
    Registration cancel(String registrationId, Caller caller) {
        Registration registration = find(registrationId);
        boolean byEnterprise = caller.actsFor(registration.enterpriseId());
        if (!byEnterprise && !caller.isSecretariatOf(registration.clusterId())) {
            throw new ForbiddenException("Only the registering enterprise or the secretariat of cluster '"
                    + registration.clusterId() + "' cancels this registration.");
        }
        Salon salon = salons.get(registration.salonId());
        Instant now = clock.instant();
        Registration.Status before = registration.status();
        registration.cancel(caller.subject(), byEnterprise ? "cancelled by the enterprise" : "cancelled by the secretariat", now);
        registration.announce(outboxEvents.entryFor(cancelledEvent(registration, salon, before,
                byEnterprise ? "ENTERPRISE" : "SECRETARIAT", now)));
        Registration cancelled = save(registration);
        release(cancelled, before);
        log.info("Registration {} for salon {} cancelled ({})", cancelled.id(), salon.id(), before);
        offerFreedSeats(salon.id());
        return cancelled;
    }

    /** The waitlisted enterprise takes the seats offered to it. */
    Registration acceptOffer(String registrationId, Caller caller) {
        Registration registration = find(registrationId);
        if (!caller.actsFor(registration.enterpriseId())) {
            throw new ForbiddenException("Only the registering enterprise accepts the offer made to it.");
        }
        Salon salon = salons.get(registration.salonId());
        Instant now = clock.instant();
        registration.acceptOffer(caller.subject(), now);
        registration.announce(outboxEvents.entryFor(confirmedEvent(registration, salon, now)));
        return save(registration);
    }

    Registration get(String registrationId, Caller caller) {
        Registration registration = find(registrationId);
        if (!caller.actsFor(registration.enterpriseId()) && !caller.isSecretariatOf(registration.clusterId())) {
            throw new ForbiddenException("This registration belongs to another enterprise and cluster.");
        }
        return registration;
    }

    /** The registration as an iCalendar event, for the registering enterprise and the secretariat. */
    CalendarEntry calendar(String registrationId, Caller caller) {
        Registration registration = get(registrationId, caller);
        return RegistrationCalendar.entry(registration, salons.get(registration.salonId()));
    }

    /** The salon's registrations in the order they were made, or only the flagged ones; for the secretariat. */
    Page<Registration> ofSalon(String salonId, boolean flaggedOnly, Caller caller, int page, int size) {
        Salon salon = salons.get(salonId);
        if (!caller.isSecretariatOf(salon.clusterId())) {
            throw new ForbiddenException("Only the secretariat of cluster '" + salon.clusterId()
                    + "' lists the registrations of its salons.");
        }
        Pageable ordered = PageRequest.of(page, size, Sort.by("registeredAt").ascending().and(Sort.by("id")));
        return flaggedOnly ? registrations.findBySalonIdAndFlagIsNotNull(salonId, ordered)
                : registrations.findBySalonId(salonId, ordered);
    }

    /**
     * The registrations of the caller's own enterprise, newest first, for every salon or only {@code salonId}; for
     * any user acting for the enterprise. Another enterprise's registrations are never among them.
     */
    Page<Registration> ofOwnEnterprise(@Nullable String salonId, Caller caller, int page, int size) {
        String enterpriseId = caller.enterprise().orElseThrow(() ->
                new ForbiddenException("Only a user acting for an enterprise lists its registrations."));
        Pageable newestFirst = PageRequest.of(page, size,
                Sort.by("registeredAt").descending().and(Sort.by("id").descending()));
        return salonId == null ? registrations.findByEnterpriseId(enterpriseId, newestFirst)
                : registrations.findByEnterpriseIdAndSalonId(enterpriseId, salonId, newestFirst);
    }

    /**
     * Offers lapsed that were not accepted pass to the next in line. Idempotent: each lapse is a versioned write,
     * so when two instances run this at once only one releases the seats.
     */
    @Scheduled(fixedDelayString = "${brandcluster.salons.offer-lapse-interval:PT1M}")
    void lapseOffers() {
        Instant now = clock.instant();
        for (Registration offered : registrations.findByStatusAndOfferExpiresAtLessThanEqual(
                Registration.Status.OFFERED, now)) {
            try {
                Salon salon = salons.get(offered.salonId());
                offered.lapse(now);
                offered.announce(outboxEvents.entryFor(cancelledEvent(offered, salon, Registration.Status.OFFERED,
                        "OFFER_LAPSED", now)));
                registrations.save(offered);
                release(offered, Registration.Status.OFFERED);
                log.info("Offer to registration {} for salon {} lapsed", offered.id(), salon.id());
                offerFreedSeats(salon.id());
            } catch (OptimisticLockingFailureException | ConflictException changedMeanwhile) {
                log.debug("Registration {} changed meanwhile; its offer is handled there", offered.id());
            }
        }
    }

    /**
     * While free seats fit the first waitlisted registration that needs no more than are free, hold them for it
     * (conditional {@code $inc}) and make it a timed offer (versioned write); if the registration changed meanwhile,
     * the held seats are released again (compensation) and the next in line is tried.
     */
    void offerFreedSeats(String salonId) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Salon salon = salons.get(salonId);
            int free = salon.capacity() - salon.seatsTaken();
            if (free <= 0) {
                return;
            }
            Optional<Registration> next = registrations
                    .findBySalonIdAndStatus(salonId, Registration.Status.WAITLISTED, FIRST_IN_LINE).stream()
                    .filter(r -> r.seats() <= free).findFirst();
            if (next.isEmpty()) {
                return;
            }
            Registration registration = next.get();
            if (!seats.reserveSalonSeats(salon, registration.seats())) {
                continue;
            }
            try {
                Instant now = clock.instant();
                // to the millisecond, as MongoDB stores it, so the event and the document say the same expiry
                registration.offer(now.plus(properties.offerDuration()).truncatedTo(ChronoUnit.MILLIS), now);
                registration.announce(outboxEvents.entryFor(new SalonWaitlistOffered(UUID.randomUUID(), now,
                        salon.clusterId(), registration.version(), registration.id(), salon.id(), salon.title(),
                        salon.startsAt(), salon.timeZone(), registration.enterpriseId(), registration.seats(),
                        registration.offerExpiresAt())));
                registrations.save(registration);
                log.info("Seats of salon {} offered to registration {} until {}", salonId, registration.id(),
                        registration.offerExpiresAt());
            } catch (OptimisticLockingFailureException | ConflictException changedMeanwhile) {
                seats.releaseSalonSeats(salonId, registration.seats());
            }
        }
    }

    private void release(Registration registration, Registration.Status before) {
        if (before.holdsSeats()) {
            seats.releaseSalonSeats(registration.salonId(), registration.seats());
        }
        seats.releaseEnterpriseSeats(registration.salonId(), registration.enterpriseId(), registration.seats());
    }

    private Registration find(String registrationId) {
        return registrations.findById(registrationId)
                .orElseThrow(() -> new RegistrationNotFoundException(registrationId));
    }

    private Registration save(Registration registration) {
        try {
            return registrations.save(registration);
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("concurrent-change", "Changed concurrently",
                    "The registration was changed by someone else at the same moment; reload it and try again.");
        }
    }

    private static SalonRegistrationConfirmed confirmedEvent(Registration r, Salon salon, Instant now) {
        return new SalonRegistrationConfirmed(UUID.randomUUID(), now, salon.clusterId(), r.version(), r.id(),
                salon.id(), salon.title(), salon.startsAt(), salon.timeZone(), r.enterpriseId(), r.seats());
    }

    private static SalonRegistrationCancelled cancelledEvent(Registration r, Salon salon, Registration.Status before,
                                                             String by, Instant now) {
        return new SalonRegistrationCancelled(UUID.randomUUID(), now, salon.clusterId(), r.version(), r.id(),
                salon.id(), salon.title(), salon.startsAt(), salon.timeZone(), r.enterpriseId(), r.seats(),
                before.name(), by);
    }
}
