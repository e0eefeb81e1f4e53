package com.brandcluster.salons.salon;

import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.platform.web.ConflictException;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An enterprise's registration of attendees for a salon: CONFIRMED (its seats held), or WAITLISTED (in line by
 * {@code waitlistedAt}), then OFFERED (seats held for it until {@code offerExpiresAt}) and CONFIRMED on acceptance or
 * LAPSED; CANCELLED by the enterprise or the secretariat from any open state. Pattern 1: state, history and pending
 * outbox events are written together, guarded by the document version. {@code remindedFor} is the salon start the
 * registration was last reminded of ({@link RegistrationReminders}).
 */
@Document("salon_registrations")
@CompoundIndex(name = "salon_status_waitlisted", def = "{'salonId': 1, 'status': 1, 'waitlistedAt': 1}")
@CompoundIndex(name = "status_offer_expiry", def = "{'status': 1, 'offerExpiresAt': 1}")
@CompoundIndex(name = "cluster_enterprise_status", def = "{'clusterId': 1, 'enterpriseId': 1, 'status': 1}")
@CompoundIndex(name = "enterprise_registered", def = "{'enterpriseId': 1, 'registeredAt': -1, '_id': -1}")
public class Registration implements OutboxCarrier {

    public enum Status {
        CONFIRMED, WAITLISTED, OFFERED, LAPSED, CANCELLED;

        /** Whether a registration in this state holds seats of the salon's capacity. */
        boolean holdsSeats() {
            return this == CONFIRMED || this == OFFERED;
        }

        boolean isOpen() {
            return this == CONFIRMED || this == WAITLISTED || this == OFFERED;
        }
    }

    @NullMarked
    public record Attendee(String name, @Nullable String email, @Nullable String position) {
    }

    @NullMarked
    public record Change(Status status, Instant at, String by, @Nullable String reason) {
    }

    /**
     * Set on an open registration for a salon ahead while the enterprise's membership is not in good standing: the
     * registration is kept, and the secretariat sees why and since when ({@link RegistrationFlags}).
     *
     * @param reason the membership status that caused it (SUSPENDED, LAPSED, TERMINATED)
     */
    @NullMarked
    public record Flag(String reason, Instant at) {
    }

    @Id
    private String id;
    private String salonId;
    private String clusterId;
    private String enterpriseId;
    private List<Attendee> attendees;
    private Status status;
    private Instant registeredAt;
    private String registeredBy;
    private Instant waitlistedAt;
    private Instant offerExpiresAt;
    private Flag flag;
    private Instant remindedFor;
    private List<Change> history = new ArrayList<>();
    private List<OutboxEntry> outbox = new ArrayList<>();
    @Version
    private Long revision;

    protected Registration() {
    }

    /** A registration whose seats were reserved: confirmed at once. */
    static Registration confirmed(String id, Salon salon, String enterpriseId, List<Attendee> attendees, String by,
                                  Instant at) {
        return create(id, salon, enterpriseId, attendees, Status.CONFIRMED, by, at);
    }

    /** A registration for a full salon: in line from {@code at}. */
    static Registration waitlisted(String id, Salon salon, String enterpriseId, List<Attendee> attendees, String by,
                                   Instant at) {
        Registration registration = create(id, salon, enterpriseId, attendees, Status.WAITLISTED, by, at);
        registration.waitlistedAt = at;
        return registration;
    }

    private static Registration create(String id, Salon salon, String enterpriseId, List<Attendee> attendees,
                                       Status status, String by, Instant at) {
        if (attendees.isEmpty() || attendees.size() > salon.seatsPerEnterprise()) {
            throw new IllegalArgumentException("attendees must be 1.." + salon.seatsPerEnterprise());
        }
        Registration registration = new Registration();
        registration.id = id;
        registration.salonId = salon.id();
        registration.clusterId = salon.clusterId();
        registration.enterpriseId = enterpriseId;
        registration.attendees = List.copyOf(attendees);
        registration.status = status;
        registration.registeredAt = at;
        registration.registeredBy = by;
        registration.history.add(new Change(status, at, by, null));
        return registration;
    }

    /** Seats freed up: they are held for this waitlisted registration until {@code expiresAt}. */
    void offer(Instant expiresAt, Instant at) {
        require(Status.WAITLISTED, Status.OFFERED);
        this.offerExpiresAt = expiresAt;
        transition(Status.OFFERED, at, "system", null);
    }

    /** The enterprise takes the seats offered to it, before the offer lapses. */
    void acceptOffer(String by, Instant at) {
        require(Status.OFFERED, Status.CONFIRMED);
        if (!at.isBefore(offerExpiresAt)) {
            throw new ConflictException("offer-lapsed", "Offer lapsed",
                    "The offer lapsed at " + offerExpiresAt + "; the seats pass to the next in line.")
                    .withCurrentState(Status.LAPSED.name());
        }
        transition(Status.CONFIRMED, at, by, null);
    }

    /** The offer was not accepted in time; its seats go to the next in line. */
    void lapse(Instant at) {
        require(Status.OFFERED, Status.LAPSED);
        if (at.isBefore(offerExpiresAt)) {
            throw new IllegalStateException("The offer of registration " + id + " runs until " + offerExpiresAt);
        }
        transition(Status.LAPSED, at, "system", "offer not accepted by " + offerExpiresAt);
    }

    void cancel(String by, String reason, Instant at) {
        if (!status.isOpen()) {
            throw illegal(Status.CANCELLED);
        }
        transition(Status.CANCELLED, at, by, reason);
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
        this.status = next;
        this.history.add(new Change(next, at, by, reason));
    }

    void announce(OutboxEntry entry) {
        outbox.add(entry);
    }

    /** The aggregate version events about this registration carry: one per recorded change. */
    long version() {
        return history.size();
    }

    /** The document's version, which every write changes (a conditional update expects it). */
    Long revision() {
        return revision;
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

    public String salonId() {
        return salonId;
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

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant waitlistedAt() {
        return waitlistedAt;
    }

    public Instant offerExpiresAt() {
        return offerExpiresAt;
    }

    /** The standing flag, or null. */
    public Flag flag() {
        return flag;
    }

    /** The salon start the registration was reminded of, or null. */
    Instant remindedFor() {
        return remindedFor;
    }

    public List<Change> history() {
        return List.copyOf(history);
    }
}
