package com.brandcluster.events.event;

import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.platform.web.ConflictException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An exchange event a cluster's secretariat holds: DRAFT while it is prepared (seen by the secretariat only),
 * PUBLISHED (open for registration within its window), CANCELLED (with a reason). What the secretariat edits is one
 * {@link EventDetails} value, checked as a whole.
 *
 * <p>Pattern 1: state, history and the pending outbox events change in one document write, guarded by
 * {@code revision}. {@code seatsTaken} (seats held by confirmed registrations and open waitlist offers) is changed
 * only by the registrations' conditional {@code $inc} (pattern 3), which also bumps {@code revision}: a save of an
 * edit loaded before a seat changed fails instead of writing a stale count back, and the edit is tried again on the
 * fresh document. {@link #version()} counts the event's own changes; the events it publishes carry it, and the
 * calendar uses it as SEQUENCE.
 */
@Document(ExchangeEvent.COLLECTION)
@CompoundIndex(name = "cluster_status_starts", def = "{'clusterId': 1, 'status': 1, 'details.startsAt': 1}")
@CompoundIndex(name = "status_settled", def = "{'status': 1, 'registrationsSettled': 1}")
public class ExchangeEvent implements OutboxCarrier {

    public static final String COLLECTION = "exchange_events";
    /** The document fields the registrations' seat counter works on. */
    public static final String SEATS_TAKEN = "seatsTaken";
    public static final String CAPACITY = "details.capacity";
    public static final String STATUS = "status";
    public static final String REVISION = "revision";

    public enum Status { DRAFT, PUBLISHED, CANCELLED }

    public record Change(String what, Instant at, String by, String reason) {
    }

    @Id
    private String id;
    private String clusterId;
    private EventDetails details;
    private Status status;
    private int seatsTaken;
    private String cancellationReason;
    /** False from cancellation until every registration of the event has been cancelled after it. */
    private boolean registrationsSettled = true;
    private Instant createdAt;
    private List<Change> history = new ArrayList<>();
    private List<OutboxEntry> outbox = new ArrayList<>();
    @Version
    private Long revision;

    protected ExchangeEvent() {
    }

    /** A new draft; it must start in the future. */
    static ExchangeEvent draft(String id, String clusterId, EventDetails details, String by, Instant now) {
        details.requireStartAfter(now);
        ExchangeEvent event = new ExchangeEvent();
        event.id = id;
        event.clusterId = clusterId;
        event.details = details;
        event.status = Status.DRAFT;
        event.createdAt = now;
        event.record("CREATED", now, by, null);
        return event;
    }

    /**
     * Replaces the details. A cancelled event is not edited; the capacity never drops below the seats taken; a moved
     * event must still start in the future.
     *
     * @return what changed; {@link Edit#changed()} false if nothing did (then nothing is recorded)
     */
    Edit edit(EventDetails next, String by, Instant now) {
        if (status == Status.CANCELLED) {
            throw illegal("edited");
        }
        if (next.capacity() < seatsTaken) {
            throw new ConflictException("capacity-below-seats-taken", "Capacity below the seats taken",
                    "Registrations hold " + seatsTaken + " seats already; the capacity cannot go below that.")
                    .withCurrentState(status.name());
        }
        Edit edit = new Edit(details, next);
        if (!edit.changed()) {
            return edit;
        }
        if (edit.timeChanged()) {
            next.requireStartAfter(now);
        }
        details = next;
        record("EDITED", now, by, null);
        return edit;
    }

    void publish(String by, Instant now) {
        if (status != Status.DRAFT) {
            throw illegal("published");
        }
        details.requireStartAfter(now);
        if (!details.registrationClosesAt().isAfter(now)) {
            throw new InvalidEventException("The registration window closed at " + details.registrationClosesAt()
                    + "; move it before publishing.");
        }
        status = Status.PUBLISHED;
        record("PUBLISHED", now, by, null);
    }

    void cancel(String reason, String by, Instant now) {
        if (status != Status.PUBLISHED) {
            throw illegal("cancelled");
        }
        if (!details.endsAt().isAfter(now)) {
            throw new InvalidEventException("The event is over; it can no longer be cancelled.");
        }
        status = Status.CANCELLED;
        cancellationReason = reason;
        registrationsSettled = false;
        record("CANCELLED", now, by, reason);
    }

    /** Whether enterprises may register now: published, and inside the registration window. */
    public boolean isOpenForRegistration(Instant at) {
        return status == Status.PUBLISHED && !at.isBefore(details.registrationOpensAt())
                && at.isBefore(details.registrationClosesAt());
    }

    public boolean hasStarted(Instant at) {
        return !at.isBefore(details.startsAt());
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    void announce(OutboxEntry entry) {
        outbox.add(entry);
    }

    private void record(String what, Instant at, String by, String reason) {
        history.add(new Change(what, at, by, reason));
    }

    private ConflictException illegal(String wanted) {
        return new ConflictException("event-state", "Event in another state",
                "This event is " + status + "; it cannot be " + wanted + ".").withCurrentState(status.name());
    }

    /** What an edit changed; a change of time or place is announced to registrants. */
    record Edit(EventDetails before, EventDetails after) {

        boolean changed() {
            return !before.equals(after);
        }

        boolean timeChanged() {
            return !before.startsAt().equals(after.startsAt()) || !before.endsAt().equals(after.endsAt());
        }

        boolean placeChanged() {
            return !Objects.equals(before.venue(), after.venue())
                    || !Objects.equals(before.onlineLink(), after.onlineLink());
        }

        boolean capacityGrew() {
            return after.capacity() > before.capacity();
        }
    }

    @Override
    public List<OutboxEntry> outbox() {
        return outbox;
    }

    /** One per change of the event itself (created, edited, published, cancelled); seat counts do not count. */
    public long version() {
        return history.size();
    }

    public String id() {
        return id;
    }

    public String clusterId() {
        return clusterId;
    }

    public EventDetails details() {
        return details;
    }

    public Status status() {
        return status;
    }

    public int seatsTaken() {
        return seatsTaken;
    }

    public String cancellationReason() {
        return cancellationReason;
    }

    public boolean registrationsSettled() {
        return registrationsSettled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastChangedAt() {
        return history.getLast().at();
    }

    public List<Change> history() {
        return List.copyOf(history);
    }
}
