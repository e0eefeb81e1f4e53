package com.brandcluster.events.registration;

import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.UnprocessableException;
import org.bson.types.ObjectId;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An enterprise's registration of named attendees for an exchange event.
 *
 * <pre>
 * PENDING ──approve──► CONFIRMED | WAITLISTED      PENDING ──decline──► DECLINED
 * WAITLISTED ──seats freed──► OFFERED ──accept──► CONFIRMED,  OFFERED ──not accepted in time──► LAPSED
 * WAITLISTED | OFFERED ──membership suspended──► PENDING
 * any open state ──cancel──► CANCELLED
 * CONFIRMED ──attendees checked in at the event──► CONFIRMED (each check-in recorded)
 * </pre>
 *
 * A new registration starts PENDING (approval needed), CONFIRMED (seats reserved) or WAITLISTED (the event was full).
 * CONFIRMED and OFFERED hold seats of the event's capacity; every open state holds the enterprise's seats. Pattern 1:
 * state, history and the pending outbox events are written together, guarded by {@code revision}; every change adds
 * to the history, whose length is the version the events carry.
 */
@Document(Registration.COLLECTION)
@CompoundIndex(name = "event_status_waitlisted", def = "{'exchangeEventId': 1, 'status': 1, 'waitlistedAt': 1}")
@CompoundIndex(name = "event_enterprise", def = "{'exchangeEventId': 1, 'enterpriseId': 1}")
@CompoundIndex(name = "cluster_enterprise_status", def = "{'clusterId': 1, 'enterpriseId': 1, 'status': 1}")
@CompoundIndex(name = "status_offer_expiry", def = "{'status': 1, 'offerExpiresAt': 1}")
@CompoundIndex(name = "event_status_registered", def = "{'exchangeEventId': 1, 'status': 1, 'registeredAt': 1}")
public class Registration implements OutboxCarrier {

    static final String COLLECTION = "event_registrations";

    public enum Status {
        PENDING, CONFIRMED, WAITLISTED, OFFERED, DECLINED, CANCELLED, LAPSED;

        static final Set<Status> OPEN = Set.of(PENDING, CONFIRMED, WAITLISTED, OFFERED);

        /** Whether a registration in this state holds seats of the event's capacity. */
        boolean holdsSeats() {
            return this == CONFIRMED || this == OFFERED;
        }

        boolean isOpen() {
            return OPEN.contains(this);
        }
    }

    /**
     * @param id                    names the attendee within the registration (for their check-in code and check-in)
     * @param consentToAttendeeList whether the attendee agreed to appear on the attendee list that other registered
     *                              members see (the secretariat sees every attendee)
     * @param checkedInAt           when the attendee was checked in at the event; null until then
     */
    @NullMarked
    public record Attendee(String id, String name, String email, @Nullable String jobTitle,
                           boolean consentToAttendeeList, @Nullable Instant checkedInAt) {

        /** A newly registered attendee, with an id of their own. */
        static Attendee named(String name, String email, @Nullable String jobTitle, boolean consentToAttendeeList) {
            return new Attendee(new ObjectId().toHexString(), name, email, jobTitle, consentToAttendeeList, null);
        }

        boolean isCheckedIn() {
            return checkedInAt != null;
        }

        private Attendee checkedIn(Instant at) {
            return new Attendee(id, name, email, jobTitle, consentToAttendeeList, at);
        }
    }

    /** An attendee this change checked in, and the registration's version that records it. */
    record CheckIn(Attendee attendee, long version) {
    }

    /** One recorded change: the state it led to, when, by whom (a user's subject, or {@code system}), and why. */
    @NullMarked
    public record Change(Status status, Instant at, String by, @Nullable String reason) {
    }

    @Id
    private String id;
    private String exchangeEventId;
    private String clusterId;
    private String enterpriseId;
    private List<Attendee> attendees;
    private Status status;
    /** Why the registration waits (or waited) for approval; see {@code RegistrationPending}. */
    private String approvalReason;
    private Instant registeredAt;
    private Instant waitlistedAt;
    private Instant offerExpiresAt;
    private List<Change> history = new ArrayList<>();
    private List<OutboxEntry> outbox = new ArrayList<>();
    @Version
    private Long revision;

    protected Registration() {
    }

    static Registration pending(String id, String eventId, String clusterId, String enterpriseId,
                                List<Attendee> attendees, String approvalReason, String by, Instant at) {
        Registration registration = create(id, eventId, clusterId, enterpriseId, attendees, Status.PENDING, by, at);
        registration.approvalReason = approvalReason;
        return registration;
    }

    static Registration confirmed(String id, String eventId, String clusterId, String enterpriseId,
                                  List<Attendee> attendees, String by, Instant at) {
        return create(id, eventId, clusterId, enterpriseId, attendees, Status.CONFIRMED, by, at);
    }

    static Registration waitlisted(String id, String eventId, String clusterId, String enterpriseId,
                                   List<Attendee> attendees, String by, Instant at) {
        Registration registration = create(id, eventId, clusterId, enterpriseId, attendees, Status.WAITLISTED, by,
                at);
        registration.waitlistedAt = at;
        return registration;
    }

    private static Registration create(String id, String eventId, String clusterId, String enterpriseId,
                                       List<Attendee> attendees, Status status, String by, Instant at) {
        if (attendees.isEmpty()) {
            throw new IllegalArgumentException("A registration names at least one attendee");
        }
        Registration registration = new Registration();
        registration.id = id;
        registration.exchangeEventId = eventId;
        registration.clusterId = clusterId;
        registration.enterpriseId = enterpriseId;
        registration.attendees = List.copyOf(attendees);
        registration.status = status;
        registration.registeredAt = at;
        registration.history.add(new Change(status, at, by, null));
        return registration;
    }

    /** The secretariat approves: {@code seated} if the seats could be reserved, otherwise into the waitlist. */
    void approve(boolean seated, String by, Instant at) {
        require(Status.PENDING, seated ? Status.CONFIRMED : Status.WAITLISTED);
        if (!seated && waitlistedAt == null) {
            // one that was in line before going back to approval keeps its place
            waitlistedAt = at;
        }
        transition(seated ? Status.CONFIRMED : Status.WAITLISTED, at, by, "approved");
    }

    void decline(String reason, String by, Instant at) {
        require(Status.PENDING, Status.DECLINED);
        transition(Status.DECLINED, at, by, reason);
    }

    /** Seats freed up: they are held for this waitlisted registration until {@code expiresAt}. */
    void offer(Instant expiresAt, Instant at) {
        require(Status.WAITLISTED, Status.OFFERED);
        offerExpiresAt = expiresAt;
        transition(Status.OFFERED, at, "system", null);
    }

    /** The enterprise takes the seats offered to it, before the offer lapses. */
    void acceptOffer(String by, Instant at) {
        require(Status.OFFERED, Status.CONFIRMED);
        if (!at.isBefore(offerExpiresAt)) {
            throw new ConflictException("offer-lapsed", "Offer lapsed",
                    "The offer ran until " + offerExpiresAt + "; its seats pass to the next in line.")
                    .withCurrentState(Status.LAPSED.name());
        }
        transition(Status.CONFIRMED, at, by, "offer accepted");
    }

    /** The offer was not accepted in time; its seats go to the next in line. */
    void lapse(Instant at) {
        require(Status.OFFERED, Status.LAPSED);
        if (at.isBefore(offerExpiresAt)) {
            throw new IllegalStateException("The offer to registration " + id + " runs until " + offerExpiresAt);
        }
        transition(Status.LAPSED, at, "system", "offer not accepted by " + offerExpiresAt);
    }

    void cancel(String by, String reason, Instant at) {
        if (!status.isOpen()) {
            throw illegal(Status.CANCELLED);
        }
        transition(Status.CANCELLED, at, by, reason);
    }

    /**
     * The membership left good standing: a registration that is not confirmed goes back to the secretariat's
     * approval (an offered one gives its seats up).
     *
     * @return false if there was nothing to do (already pending, confirmed, or closed)
     */
    boolean returnToApproval(String reason, Instant at) {
        if (status != Status.WAITLISTED && status != Status.OFFERED) {
            return false;
        }
        approvalReason = reason;
        offerExpiresAt = null;
        transition(Status.PENDING, at, "system", reason);
        return true;
    }

    /**
     * Checks in the attendees with these ids, every attendee when none are named, at the event. Only a confirmed
     * registration's attendees are checked in; one checked in already stays as they were. Each attendee checked in is
     * a change of its own in the history, so each announcement carries a version of its own.
     *
     * @return the attendees checked in now, in the registration's order; empty if all were checked in already
     */
    List<CheckIn> checkIn(Set<String> attendeeIds, String by, Instant at) {
        if (status != Status.CONFIRMED) {
            throw new ConflictException("registration-state", "Registration in another state",
                    "This registration is " + status + "; only a confirmed registration's attendees are checked in.")
                    .withCurrentState(status.name());
        }
        List<String> unknown = attendeeIds.stream().filter(id -> attendee(id).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new UnprocessableException("unknown-attendee", "Unknown attendee",
                    "This registration has no attendee " + String.join(", ", unknown) + ".");
        }
        List<CheckIn> checkedIn = new ArrayList<>();
        List<Attendee> next = new ArrayList<>(attendees.size());
        for (Attendee attendee : attendees) {
            if (!attendee.isCheckedIn() && (attendeeIds.isEmpty() || attendeeIds.contains(attendee.id()))) {
                Attendee now = attendee.checkedIn(at);
                history.add(new Change(status, at, by, "attendee " + attendee.id() + " checked in"));
                checkedIn.add(new CheckIn(now, version()));
                next.add(now);
            } else {
                next.add(attendee);
            }
        }
        attendees = List.copyOf(next);
        return checkedIn;
    }

    Optional<Attendee> attendee(String attendeeId) {
        return attendees.stream().filter(a -> a.id().equals(attendeeId)).findFirst();
    }

    private void require(Status expected, Status target) {
        if (status != expected) {
            throw illegal(target);
        }
    }

    private ConflictException illegal(Status target) {
        return new ConflictException("registration-state", "Registration in another state",
                "This registration is " + status + "; it cannot become " + target + ".")
                .withCurrentState(status.name());
    }

    private void transition(Status next, Instant at, String by, String reason) {
        status = next;
        history.add(new Change(next, at, by, reason));
    }

    void announce(OutboxEntry entry) {
        outbox.add(entry);
    }

    /** The version events about this registration carry: one per recorded change. */
    long version() {
        return history.size();
    }

    int seats() {
        return attendees.size();
    }

    /** The state before the last change. */
    Status previousStatus() {
        return history.size() < 2 ? status : history.get(history.size() - 2).status();
    }

    @Override
    public List<OutboxEntry> outbox() {
        return outbox;
    }

    public String id() {
        return id;
    }

    public String exchangeEventId() {
        return exchangeEventId;
    }

    public String clusterId() {
        return clusterId;
    }

    public String enterpriseId() {
        return enterpriseId;
    }

    public List<Attendee> attendees() {
        return attendees;
    }

    public Status status() {
        return status;
    }

    public String approvalReason() {
        return approvalReason;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant waitlistedAt() {
        return waitlistedAt;
    }

    public Instant offerExpiresAt() {
        return offerExpiresAt;
    }

    public List<Change> history() {
        return List.copyOf(history);
    }
}
