package com.brandcluster.events.meeting;

import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.UnprocessableException;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A B2B meeting one registered enterprise (the requester) asks of another (the invitee) in a slot of an event's
 * matchmaking.
 *
 * <pre>
 * REQUESTED ──invitee accepts──► ACCEPTED ──either party cancels──► CANCELLED
 * REQUESTED ──invitee declines──► DECLINED
 * REQUESTED ──not answered in time, or the slot began or was removed──► EXPIRED
 * REQUESTED ──either party cancels──► CANCELLED
 * </pre>
 *
 * A request holds nothing; only an ACCEPTED meeting holds its slot for both enterprises and a table, through
 * {@link MeetingClaims} written before the meeting becomes ACCEPTED. Pattern 1: state, history and the pending outbox
 * events are written together, guarded by {@code revision}; every change adds to the history, whose length is the
 * version the events carry and the calendar's SEQUENCE.
 */
@Document(Meeting.COLLECTION)
@CompoundIndex(name = "event_status", def = "{'exchangeEventId': 1, 'status': 1}")
@CompoundIndex(name = "event_slot_status", def = "{'exchangeEventId': 1, 'slotId': 1, 'status': 1}")
@CompoundIndex(name = "event_requester", def = "{'exchangeEventId': 1, 'requesterEnterpriseId': 1}")
@CompoundIndex(name = "event_invitee", def = "{'exchangeEventId': 1, 'inviteeEnterpriseId': 1}")
@CompoundIndex(name = "status_expires", def = "{'status': 1, 'expiresAt': 1}")
class Meeting implements OutboxCarrier {

    static final String COLLECTION = "meetings";

    enum Status {
        REQUESTED, ACCEPTED, DECLINED, CANCELLED, EXPIRED;

        static final Set<Status> OPEN = Set.of(REQUESTED, ACCEPTED);
    }

    /** Who called a meeting off, as {@code MeetingCancelled.cancelledBy} says it. */
    enum CancelledBy { REQUESTER, INVITEE, REGISTRATION_CANCELLED, EVENT_CANCELLED }

    /** Why a request expired, as {@code MeetingExpired.expiredBecause} says it. */
    enum ExpiredBecause { UNANSWERED, SLOT_PASSED, SLOT_REMOVED }

    /** A slot's times as the meeting last knew them (the plan's are authoritative while the slot exists). */
    record SlotTimes(Instant startsAt, Instant endsAt) {
    }

    /** One recorded change: the state it led to, when, by whom (a user's subject, or {@code system}), and why. */
    @NullMarked
    record Change(Status status, Instant at, String by, @Nullable String reason) {
    }

    @Id
    private String id;
    private String exchangeEventId;
    private String clusterId;
    private String slotId;
    private SlotTimes slotTimes;
    private String requesterEnterpriseId;
    private String inviteeEnterpriseId;
    private String message;
    private Status status;
    private Instant requestedAt;
    /** The time to answer; a request also expires when its slot begins, whichever is first. */
    private Instant expiresAt;
    private String tableId;
    private String tableName;
    /** The acceptance attempt whose claims the ACCEPTED meeting holds (see {@link MeetingClaims}). */
    private String acceptance;
    private CancelledBy cancelledBy;
    private ExpiredBecause expiredBecause;
    private List<Change> history = new ArrayList<>();
    private List<OutboxEntry> outbox = new ArrayList<>();
    @Version
    private Long revision;

    protected Meeting() {
    }

    static Meeting request(String id, String eventId, String clusterId, String slotId, SlotTimes slotTimes,
                           String requesterEnterpriseId, String inviteeEnterpriseId, String message,
                           Instant expiresAt, String by, Instant at) {
        if (requesterEnterpriseId.equals(inviteeEnterpriseId)) {
            throw new UnprocessableException("meeting-with-oneself", "Meeting with oneself",
                    "An enterprise requests meetings with other enterprises, not with itself.");
        }
        Meeting meeting = new Meeting();
        meeting.id = id;
        meeting.exchangeEventId = eventId;
        meeting.clusterId = clusterId;
        meeting.slotId = slotId;
        meeting.slotTimes = slotTimes;
        meeting.requesterEnterpriseId = requesterEnterpriseId;
        meeting.inviteeEnterpriseId = inviteeEnterpriseId;
        meeting.message = message;
        meeting.status = Status.REQUESTED;
        meeting.requestedAt = at;
        meeting.expiresAt = expiresAt;
        meeting.history.add(new Change(Status.REQUESTED, at, by, null));
        return meeting;
    }

    /**
     * Refuses an acceptance of a meeting that is no longer REQUESTED, or whose time to answer ran out or whose slot
     * began (then it is as good as EXPIRED, whether or not the expiry job has run yet).
     */
    void requireAcceptable(SlotTimes slot, Instant at) {
        require(Status.REQUESTED, Status.ACCEPTED);
        if (!at.isBefore(expiresAt) || !at.isBefore(slot.startsAt())) {
            throw new ConflictException("meeting-expired", "Request expired",
                    "The request could be answered until " + (expiresAt.isBefore(slot.startsAt()) ? expiresAt
                            : slot.startsAt()) + ".").withCurrentState(Status.EXPIRED.name());
        }
    }

    /** The invitee accepted; the claims of attempt {@code acceptance} hold the slot and the table. */
    void accept(SlotTimes slot, String tableId, String tableName, String acceptance, String by, Instant at) {
        requireAcceptable(slot, at);
        this.slotTimes = slot;
        this.tableId = tableId;
        this.tableName = tableName;
        this.acceptance = acceptance;
        transition(Status.ACCEPTED, at, by, null);
    }

    void decline(String reason, String by, Instant at) {
        require(Status.REQUESTED, Status.DECLINED);
        transition(Status.DECLINED, at, by, reason);
    }

    void cancel(CancelledBy who, String reason, String by, Instant at) {
        if (!Status.OPEN.contains(status)) {
            throw illegal(Status.CANCELLED);
        }
        cancelledBy = who;
        transition(Status.CANCELLED, at, by, reason);
    }

    /**
     * The request ran out of time, or its slot began or was removed.
     *
     * @return false if there is nothing to expire (answered or ended meanwhile)
     */
    boolean expire(ExpiredBecause because, Instant at) {
        if (status != Status.REQUESTED) {
            return false;
        }
        if (because == ExpiredBecause.UNANSWERED && at.isBefore(expiresAt)) {
            throw new IllegalStateException("Meeting " + id + " may be answered until " + expiresAt);
        }
        expiredBecause = because;
        transition(Status.EXPIRED, at, "system", because.name());
        return true;
    }

    boolean isParty(String enterpriseId) {
        return requesterEnterpriseId.equals(enterpriseId) || inviteeEnterpriseId.equals(enterpriseId);
    }

    /** Whether the meeting was accepted at some point (and so is, or was, in the parties' calendars). */
    boolean wasAccepted() {
        return acceptance != null;
    }

    private void require(Status expected, Status target) {
        if (status != expected) {
            throw illegal(target);
        }
    }

    private ConflictException illegal(Status target) {
        return new ConflictException("meeting-state", "Meeting in another state",
                "This meeting is " + status + "; it cannot become " + target + ".").withCurrentState(status.name());
    }

    private void transition(Status next, Instant at, String by, String reason) {
        status = next;
        history.add(new Change(next, at, by, reason));
    }

    void announce(OutboxEntry entry) {
        outbox.add(entry);
    }

    /** The version events about this meeting carry: one per recorded change. */
    long version() {
        return history.size();
    }

    /** The state before the last change. */
    Status previousStatus() {
        return history.size() < 2 ? status : history.get(history.size() - 2).status();
    }

    /** The reason given with the last change (a decline's or a cancellation's), if any. */
    String lastReason() {
        return history.getLast().reason();
    }

    Instant lastChangedAt() {
        return history.getLast().at();
    }

    @Override
    public List<OutboxEntry> outbox() {
        return outbox;
    }

    String id() {
        return id;
    }

    String exchangeEventId() {
        return exchangeEventId;
    }

    String clusterId() {
        return clusterId;
    }

    String slotId() {
        return slotId;
    }

    SlotTimes slotTimes() {
        return slotTimes;
    }

    String requesterEnterpriseId() {
        return requesterEnterpriseId;
    }

    String inviteeEnterpriseId() {
        return inviteeEnterpriseId;
    }

    String message() {
        return message;
    }

    Status status() {
        return status;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    String tableId() {
        return tableId;
    }

    String tableName() {
        return tableName;
    }

    String acceptance() {
        return acceptance;
    }

    CancelledBy cancelledBy() {
        return cancelledBy;
    }

    ExpiredBecause expiredBecause() {
        return expiredBecause;
    }

    Long revision() {
        return revision;
    }

    List<Change> history() {
        return List.copyOf(history);
    }
}
