package com.brandcluster.salons.consultation;

import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.UnprocessableException;
import com.brandcluster.salons.availability.SlotCalendar;
import com.brandcluster.salons.expert.Topic;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A one-to-one consultation an enterprise booked with an expert: PENDING until the expert confirms (or CONFIRMED at
 * once when the expert confirms automatically), then COMPLETED or NO_SHOW once it has started, or CANCELLED by
 * either side before that.
 * <p>
 * Pattern 1 (one aggregate, one document): state, history and the outbox entries announcing a change are written
 * together, guarded by {@code version}. Pattern 2 (a claim with a unique key) lives in the same document: while the
 * booking holds its slot, {@code slotKey} ({@code <expertId>@<start>}) is set under a unique sparse index, so the
 * booking IS the claim on the slot and no second booking of that expert and start can be written, whatever the
 * concurrency; a cancellation removes the key (Spring Data does not write null fields) and frees the slot, and a
 * reschedule moves it in the same single-document write as the new times. {@code remindedFor} is the start the
 * consultation was last reminded of ({@link ConsultationReminders}), so a moved consultation is reminded again.
 */
@Document("consultations")
@CompoundIndex(name = "enterprise_start", def = "{'enterpriseId': 1, 'start': 1}")
@CompoundIndex(name = "expert_start", def = "{'expertId': 1, 'start': 1}")
@CompoundIndex(name = "cluster_start", def = "{'clusterId': 1, 'start': 1}")
@CompoundIndex(name = "cluster_enterprise_state", def = "{'clusterId': 1, 'enterpriseId': 1, 'state': 1}")
@CompoundIndex(name = "state_cancelled_at", def = "{'state': 1, 'cancellation.at': 1}")
@CompoundIndex(name = "state_start", def = "{'state': 1, 'start': 1, '_id': 1}")
class Consultation implements OutboxCarrier {

    enum State {
        PENDING, CONFIRMED, COMPLETED, CANCELLED, NO_SHOW;

        /** Still ahead of its outcome: it may be confirmed (if pending), moved or cancelled. */
        boolean isOpen() {
            return this == PENDING || this == CONFIRMED;
        }
    }

    /** Who acted: the booking enterprise, the expert, or the cluster's secretariat. */
    enum Party { ENTERPRISE, EXPERT, SECRETARIAT }

    /** Set while the enterprise's membership is not in good standing, for the cluster's secretariat to look at. */
    record Flag(String reason, Instant flaggedAt) {
    }

    record Cancellation(Party by, String subject, String reason, Instant at, boolean late, boolean hoursReturned) {
    }

    record Change(State state, Instant at, String by, Instant start) {
    }

    @Id
    private String id;
    private String clusterId;
    private String enterpriseId;
    private String expertId;
    private String expertName;
    private String expertTimeZone;
    private Topic topic;
    private String note;
    private Instant start;
    private Instant end;
    @Indexed(name = "slot_unique", unique = true, sparse = true)
    private String slotKey;
    private State state;
    private long cancellationCutoffMinutes;
    private String hoursAccount;
    private String bookedBy;
    private Instant bookedAt;
    private Instant updatedAt;
    private Cancellation cancellation;
    private Flag flag;
    private Instant remindedFor;
    private List<Change> history = new ArrayList<>();
    private List<OutboxEntry> outbox = new ArrayList<>();
    @Version
    private Long version;

    protected Consultation() {
    }

    /**
     * A new booking of a free slot. The expert's cut-off is kept with it: the terms it was booked under decide
     * whether a later cancellation is late.
     */
    static Consultation book(String id, Booking booking, SlotCalendar.Slot slot, boolean autoConfirm,
                             Duration cancellationCutoff, String hoursAccount, String by, Instant now) {
        Consultation consultation = new Consultation();
        consultation.id = Objects.requireNonNull(id, "id");
        consultation.clusterId = booking.clusterId();
        consultation.enterpriseId = booking.enterpriseId();
        consultation.expertId = booking.expertId();
        consultation.expertName = booking.expertName();
        consultation.expertTimeZone = booking.expertTimeZone();
        consultation.topic = booking.topic();
        consultation.note = booking.note();
        consultation.cancellationCutoffMinutes = cancellationCutoff.toMinutes();
        consultation.hoursAccount = hoursAccount;
        consultation.bookedBy = by;
        consultation.bookedAt = now;
        consultation.moveTo(slot);
        consultation.transition(autoConfirm ? State.CONFIRMED : State.PENDING, now, by);
        return consultation;
    }

    /** What the booking enterprise asked for, with the expert's name and zone as they were when it booked. */
    record Booking(String clusterId, String enterpriseId, String expertId, String expertName, String expertTimeZone,
                   Topic topic, String note) {
    }

    static String slotKey(String expertId, Instant start) {
        return expertId + "@" + start;
    }

    /** The expert confirms a pending booking before it starts. */
    void confirm(String by, Instant now) {
        require(State.CONFIRMED, State.PENDING);
        if (!now.isBefore(start)) {
            throw new UnprocessableException("consultation-started", "Consultation has started",
                    "The consultation started at " + start + "; it can no longer be confirmed.");
        }
        transition(State.CONFIRMED, now, by);
    }

    /**
     * Either side (or the secretariat) cancels a pending or confirmed booking, with a reason. After the cut-off the
     * cancellation is late. The hours return to the enterprise unless the enterprise itself cancelled late: an
     * expert's or secretariat's cancellation never costs the enterprise its hours.
     */
    Cancellation cancel(Party by, String subject, String reason, Instant now) {
        if (!state.isOpen()) {
            throw illegal(State.CANCELLED);
        }
        boolean late = !now.isBefore(cutoffAt());
        cancellation = new Cancellation(by, subject, reason, now, late, !late || by != Party.ENTERPRISE);
        slotKey = null;
        transition(State.CANCELLED, now, subject);
        return cancellation;
    }

    /** The expert records that the confirmed consultation took place. */
    void complete(String by, Instant now) {
        requireStarted(State.COMPLETED, now);
        transition(State.COMPLETED, now, by);
    }

    /** The expert records that the enterprise did not attend. */
    void noShow(String by, Instant now) {
        requireStarted(State.NO_SHOW, now);
        transition(State.NO_SHOW, now, by);
    }

    /** Refuses a reschedule of this booking now: not open (409), or its cut-off passed (422). */
    void checkReschedulable(Instant now) {
        if (!state.isOpen()) {
            throw illegal("be rescheduled");
        }
        if (!now.isBefore(cutoffAt())) {
            throw new UnprocessableException("reschedule-cutoff-passed", "Too late to reschedule",
                    "This consultation could be moved until " + cutoffAt() + " (" + cancellationCutoffMinutes
                            + " minutes before it starts); cancel it instead.");
        }
    }

    /**
     * Moves the booking to another free slot: the slot key moves with it (in the same write), and it waits for the
     * expert's confirmation again unless they confirm automatically.
     */
    void reschedule(SlotCalendar.Slot slot, boolean autoConfirm, String by, Instant now) {
        checkReschedulable(now);
        moveTo(slot);
        transition(autoConfirm ? State.CONFIRMED : State.PENDING, now, by);
    }

    private void moveTo(SlotCalendar.Slot slot) {
        start = slot.start();
        end = slot.end();
        slotKey = slotKey(expertId, start);
    }

    private void requireStarted(State target, Instant now) {
        require(target, State.CONFIRMED);
        if (now.isBefore(start)) {
            throw new UnprocessableException("consultation-not-started", "Consultation has not started",
                    "The consultation starts at " + start + "; its outcome is recorded after that.");
        }
    }

    private void require(State target, State expected) {
        if (state != expected) {
            throw illegal(target);
        }
    }

    private ConflictException illegal(State target) {
        return illegal("become " + target);
    }

    private ConflictException illegal(String what) {
        return new ConflictException("consultation-state", "Consultation in another state",
                "This consultation is " + state + "; it cannot " + what + ".").withCurrentState(state.name());
    }

    private void transition(State next, Instant at, String by) {
        state = next;
        updatedAt = at;
        history.add(new Change(next, at, by, start));
    }

    void announce(OutboxEntry entry) {
        outbox.add(entry);
    }

    /** The version the document has once the change being made is saved: what its events carry. */
    long nextVersion() {
        return version == null ? 0 : version + 1;
    }

    /** The instant after which a cancellation is late and the booking can no longer be moved. */
    Instant cutoffAt() {
        return start.minus(Duration.ofMinutes(cancellationCutoffMinutes));
    }

    int minutes() {
        return Math.toIntExact(Duration.between(start, end).toMinutes());
    }

    SlotCalendar.Interval interval() {
        return new SlotCalendar.Interval(start, end);
    }

    /** The state before the last change. */
    State previousState() {
        return history.size() < 2 ? state : history.get(history.size() - 2).state();
    }

    @Override
    public List<OutboxEntry> outbox() {
        return outbox;
    }

    String id() {
        return id;
    }

    String clusterId() {
        return clusterId;
    }

    String enterpriseId() {
        return enterpriseId;
    }

    String expertId() {
        return expertId;
    }

    String expertName() {
        return expertName;
    }

    String expertTimeZone() {
        return expertTimeZone;
    }

    Topic topic() {
        return topic;
    }

    String note() {
        return note;
    }

    Instant start() {
        return start;
    }

    Instant end() {
        return end;
    }

    String slotKey() {
        return slotKey;
    }

    State state() {
        return state;
    }

    long cancellationCutoffMinutes() {
        return cancellationCutoffMinutes;
    }

    String hoursAccount() {
        return hoursAccount;
    }

    String bookedBy() {
        return bookedBy;
    }

    Instant bookedAt() {
        return bookedAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    Flag flag() {
        return flag;
    }

    /** The start the consultation was reminded of, or null. */
    Instant remindedFor() {
        return remindedFor;
    }

    List<Change> history() {
        return List.copyOf(history);
    }

    Long version() {
        return version;
    }
}
