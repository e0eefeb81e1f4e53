package com.brandcluster.salons.programme;

import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

import java.time.Instant;
import java.util.Objects;

/**
 * One session of a salon's programme: PLANNED by the secretariat, OPEN for experts to book once the secretariat opens
 * it, BOOKED by the one expert who will lead it, CONFIRMED by the secretariat; a booked or confirmed slot goes back to
 * OPEN when the secretariat releases it or (before confirmation) the expert withdraws. Immutable: each change is a new
 * slot with the next {@code version}, which the conditional write of the change expects in its filter and the events
 * about the slot carry.
 *
 * @param id          stored as the embedded document's {@code _id}, as a string (never turned into an ObjectId), so
 *                    that array filters, which are passed to MongoDB unmapped, can name it
 * @param expertId    the expert who booked it (BOOKED, CONFIRMED), else null
 * @param bookedAt    when that expert booked it
 * @param confirmedAt when the secretariat confirmed it (CONFIRMED)
 */
record SessionSlot(@MongoId(FieldType.STRING) String id, Kind kind, String title, String description,
                   Instant startsAt, Instant endsAt, State state, String expertId, Instant bookedAt,
                   Instant confirmedAt, long version) {

    enum Kind { TALK, PANEL, CLINIC }

    enum State {
        PLANNED, OPEN, BOOKED, CONFIRMED;

        /** Whether an expert holds the slot: it can then be neither removed nor moved. */
        boolean isTaken() {
            return this == BOOKED || this == CONFIRMED;
        }
    }

    SessionSlot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("A session ends after it starts");
        }
    }

    static SessionSlot planned(String id, Kind kind, String title, String description, Instant startsAt,
                               Instant endsAt) {
        return new SessionSlot(id, kind, title, description, startsAt, endsAt, State.PLANNED, null, null, null, 1);
    }

    /** The same slot with new content; itself when nothing changed. */
    SessionSlot edited(Kind kind, String title, String description, Instant startsAt, Instant endsAt) {
        if (this.kind == kind && this.title.equals(title) && Objects.equals(this.description, description)
                && this.startsAt.equals(startsAt) && this.endsAt.equals(endsAt)) {
            return this;
        }
        return new SessionSlot(id, kind, title, description, startsAt, endsAt, state, expertId, bookedAt, confirmedAt,
                version + 1);
    }

    SessionSlot opened() {
        return in(State.OPEN, null, null, null);
    }

    SessionSlot bookedBy(String expert, Instant at) {
        return in(State.BOOKED, expert, at, null);
    }

    SessionSlot confirmed(Instant at) {
        return in(State.CONFIRMED, expertId, bookedAt, at);
    }

    SessionSlot released() {
        return in(State.OPEN, null, null, null);
    }

    boolean isLedBy(String expert) {
        return state.isTaken() && expertId.equals(expert);
    }

    boolean overlaps(SessionSlot other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }

    private SessionSlot in(State next, String expert, Instant booked, Instant confirmed) {
        return new SessionSlot(id, kind, title, description, startsAt, endsAt, next, expert, booked, confirmed,
                version + 1);
    }
}
