package com.brandcluster.events.registration;

import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.ExchangeEvents;
import com.brandcluster.events.registration.Announcements.CheckInMethod;
import com.brandcluster.platform.membership.MemberStandings;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.NotFoundException;
import com.brandcluster.platform.web.UnprocessableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checking attendees in at the event, by the cluster's secretariat: a whole registration (or some of its attendees),
 * or one attendee by the code their QR image carries. Only a confirmed registration of a published event, inside the
 * check-in window ({@link CheckInProperties}). Idempotent: an attendee checked in already stays as they were, is
 * reported as such and announced no second time.
 *
 * <p>Pattern 1: the attendees' check-in, its history entries and one {@code AttendeeCheckedIn} per attendee are
 * written in one save of the registration, conditional on the revision read, in which those attendees were not
 * checked in yet. Of any number of simultaneous check-ins of an attendee exactly one saves; the others read the
 * registration again and find the attendee checked in.
 */
@Service
class CheckIns {

    private static final Logger log = LoggerFactory.getLogger(CheckIns.class);
    /** Check-ins of other attendees of the same registration may win the race a few times in a row. */
    private static final int ATTEMPTS = 10;

    private final RegistrationRepository registrations;
    private final ExchangeEvents events;
    private final CheckInCodes codes;
    private final Announcements announcements;
    private final MemberStandings standings;
    private final CheckInProperties properties;
    private final Clock clock;

    CheckIns(RegistrationRepository registrations, ExchangeEvents events, CheckInCodes codes,
             Announcements announcements, MemberStandings standings, CheckInProperties properties, Clock clock) {
        this.registrations = registrations;
        this.events = events;
        this.codes = codes;
        this.announcements = announcements;
        this.standings = standings;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a check-in found: the attendees asked about, and which of them it checked in (the others were already). */
    record Outcome(Registration registration, String enterpriseName, List<Registration.Attendee> attendees,
                   Set<String> checkedInNow) {
    }

    /** The attendees with these ids, or every attendee of the registration when none are named. */
    Outcome checkInRegistration(String registrationId, Set<String> attendeeIds, Caller caller) {
        Registration registration = registrations.get(registrationId);
        if (!caller.isSecretariatOf(registration.clusterId())) {
            throw new ForbiddenException("Only the secretariat of cluster '" + registration.clusterId()
                    + "' checks attendees in.");
        }
        ExchangeEvent event = events.get(registration.exchangeEventId());
        requireCheckInOpen(event);
        return checkIn(registrationId, attendeeIds, event, CheckInMethod.REGISTRATION, caller);
    }

    /** The attendee whose check-in code was scanned at this event. */
    Outcome checkInCode(String eventId, String code, Caller caller) {
        ExchangeEvent event = events.managed(eventId, caller);
        requireCheckInOpen(event);
        CheckInCode owner = codes.find(code).orElseThrow(UnknownCodeException::new);
        if (!owner.exchangeEventId().equals(eventId)) {
            throw new UnprocessableException("code-of-another-event", "Code of another event",
                    "This check-in code is for another event; the attendee is not registered for this one.");
        }
        return checkIn(owner.registrationId(), Set.of(owner.attendeeId()), event, CheckInMethod.CODE, caller);
    }

    /**
     * The attendee's check-in code, for the registering enterprise and the secretariat; issued the first time it is
     * asked for, and only while the registration is confirmed.
     */
    String codeOf(String registrationId, String attendeeId, Caller caller) {
        Registration registration = registrations.get(registrationId);
        if (!caller.actsFor(registration.enterpriseId()) && !caller.isSecretariatOf(registration.clusterId())) {
            throw new ForbiddenException("Only the registering enterprise and the secretariat of cluster '"
                    + registration.clusterId() + "' see its attendees' check-in codes.");
        }
        Registration.Attendee attendee = registration.attendee(attendeeId)
                .orElseThrow(() -> new NotFoundException("Attendee", attendeeId));
        if (registration.status() != Registration.Status.CONFIRMED) {
            throw new ConflictException("registration-state", "Registration in another state",
                    "This registration is " + registration.status() + "; check-in codes are for the attendees of a "
                            + "confirmed registration.").withCurrentState(registration.status().name());
        }
        return codes.codeOf(registration, attendee);
    }

    private Outcome checkIn(String registrationId, Set<String> attendeeIds, ExchangeEvent event,
                            CheckInMethod method, Caller caller) {
        // to the millisecond, as MongoDB keeps it, so that a later answer names the same instant
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 1; ; attempt++) {
            Registration registration = registrations.get(registrationId);
            List<Registration.CheckIn> checkedIn = registration.checkIn(attendeeIds, caller.subject(), now);
            if (checkedIn.isEmpty()) {
                return outcome(registration, attendeeIds, Set.of());
            }
            checkedIn.forEach(checkIn -> announcements.checkedIn(registration, event, checkIn, method));
            try {
                Registration saved = registrations.save(registration);
                log.info("{} attendee(s) of registration {} checked in at event {}", checkedIn.size(),
                        registrationId, event.id());
                return outcome(saved, attendeeIds, checkedIn.stream().map(c -> c.attendee().id())
                        .collect(Collectors.toUnmodifiableSet()));
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("concurrent-change", "Changed concurrently",
                            "The registration kept changing while its attendees were checked in; try again.");
                }
            }
        }
    }

    /** A published event, from {@code opensBeforeStart} before it starts until {@code closesAfterEnd} after it ends. */
    private void requireCheckInOpen(ExchangeEvent event) {
        if (!event.isPublished()) {
            throw new ConflictException("event-state", "Event in another state",
                    "This event is " + event.status() + "; nobody is checked in.")
                    .withCurrentState(event.status().name());
        }
        Instant opens = event.details().startsAt().minus(properties.opensBeforeStart());
        Instant closes = event.details().endsAt().plus(properties.closesAfterEnd());
        Instant now = clock.instant();
        if (now.isBefore(opens) || !now.isBefore(closes)) {
            throw new UnprocessableException("check-in-closed", "Check-in not open",
                    "Check-in for this event is open from " + opens + " until " + closes + ".");
        }
    }

    private Outcome outcome(Registration registration, Set<String> attendeeIds, Set<String> checkedInNow) {
        List<Registration.Attendee> asked = registration.attendees().stream()
                .filter(a -> attendeeIds.isEmpty() || attendeeIds.contains(a.id())).toList();
        String enterpriseName = standings.enterpriseNames(registration.clusterId(),
                List.of(registration.enterpriseId())).get(registration.enterpriseId());
        return new Outcome(registration, enterpriseName, asked, checkedInNow);
    }

    /** 404: no attendee has this code (mistyped, or not a code of this portal). */
    static final class UnknownCodeException extends NotFoundException {

        UnknownCodeException() {
            super("unknown-check-in-code", "Unknown check-in code", "No attendee has this check-in code.");
        }
    }
}
