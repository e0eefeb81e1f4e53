package com.brandcluster.events.event;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * Everything the secretariat decides about an exchange event, as stored: times as UTC instants with the IANA zone
 * they were given in. {@link #validated()} checks the rules that tie the fields together; each field on its own is
 * checked where the request is read.
 *
 * @param capacity           seats in all
 * @param seatsPerEnterprise the most seats one enterprise may hold (a member's tier may allow fewer)
 * @param venue              where it takes place; with {@code onlineLink}, at least one of the two
 */
public record EventDetails(Kind kind, String title, String description, List<Session> agenda, Instant startsAt,
                           Instant endsAt, String timeZone, String venue, String onlineLink, int capacity,
                           int seatsPerEnterprise, Instant registrationOpensAt, Instant registrationClosesAt,
                           Visibility visibility, RegistrationPolicy registrationPolicy) {

    public enum Kind { COOPERATION_MEETING, PLENARY, INAUGURAL_MEETING, WORKSHOP, TRADE_FAIR }

    /** Who may see a published event: anyone, or the cluster's members (and its secretariat). */
    public enum Visibility { PUBLIC, MEMBERS_ONLY }

    /**
     * How a registration is decided: AUTOMATIC confirms members in good standing at once (seats permitting);
     * APPROVAL takes members only, each approved by the secretariat; OPEN_WITH_APPROVAL also takes non-members, each
     * approved by the secretariat.
     */
    public enum RegistrationPolicy { AUTOMATIC, APPROVAL, OPEN_WITH_APPROVAL }

    /** A speaker as the agenda names them; only the name is required. */
    @NullMarked
    public record Speaker(String name, @Nullable String title, @Nullable String organisation) {
    }

    public record Session(String title, Instant startsAt, Instant endsAt, List<Speaker> speakers) {
    }

    public EventDetails {
        agenda = agenda == null ? List.of() : List.copyOf(agenda);
    }

    /** This, if its fields agree with each other; otherwise a 422 naming the first rule broken. */
    EventDetails validated() {
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidEventException("The event must end after it starts.");
        }
        if (capacity < 1) {
            throw new InvalidEventException("The capacity must be at least 1.");
        }
        if (seatsPerEnterprise < 1 || seatsPerEnterprise > capacity) {
            throw new InvalidEventException("Seats per enterprise must be between 1 and the capacity (" + capacity
                    + ").");
        }
        if (!registrationClosesAt.isAfter(registrationOpensAt)) {
            throw new InvalidEventException("Registration must open before it closes.");
        }
        if (registrationClosesAt.isAfter(startsAt)) {
            throw new InvalidEventException("Registration must close no later than the event starts.");
        }
        if (isBlank(venue) && isBlank(onlineLink)) {
            throw new InvalidEventException("An event needs a venue, an online link, or both.");
        }
        if (visibility == Visibility.MEMBERS_ONLY && registrationPolicy == RegistrationPolicy.OPEN_WITH_APPROVAL) {
            throw new InvalidEventException("An event open to non-members must be public: non-members cannot see "
                    + "a members-only event.");
        }
        for (int i = 0; i < agenda.size(); i++) {
            Session session = agenda.get(i);
            if (!session.endsAt().isAfter(session.startsAt())) {
                throw new InvalidEventException("Session " + (i + 1) + " (" + session.title()
                        + ") must end after it starts.");
            }
            if (session.startsAt().isBefore(startsAt) || session.endsAt().isAfter(endsAt)) {
                throw new InvalidEventException("Session " + (i + 1) + " (" + session.title()
                        + ") must lie within the event's start and end.");
            }
        }
        return this;
    }

    void requireStartAfter(Instant now) {
        if (!startsAt.isAfter(now)) {
            throw new InvalidEventException("The event must start in the future.");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
