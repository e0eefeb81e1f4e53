package com.brandcluster.membership.membership;

import com.brandcluster.contracts.membership.MemberSnapshot;
import com.brandcluster.contracts.membership.MemberTierChanged;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An enterprise's membership of a cluster, with its member number, tier, validity and status history. Pattern 1:
 * state, history and pending outbox events change in one document write, guarded by the document version. Its id is
 * the id of the application that admitted it, so admitting twice (a retry) finds the first admission.
 *
 * <p>The lifecycle:
 * <pre>
 *   ACTIVE ──validUntil passed──► GRACE ──grace period over──► LAPSED
 *     ▲  (renewal from ACTIVE, GRACE or LAPSED: ACTIVE again, a membership year longer)
 *   ACTIVE, GRACE ──suspension──► SUSPENDED ──reinstatement──► ACTIVE, GRACE or LAPSED (what the validity says then)
 *   any but TERMINATED ──termination──► TERMINATED (final)
 *   any but TERMINATED ──tier change──► the same status, another tier
 * </pre>
 * Every change appends one {@link Change} to the history; the history's size is the aggregate {@link #version()} that
 * the change's event carries. Each transition returns the event that announces it; the caller puts it into the
 * outbox and saves, in one write.
 */
@Document("memberships")
@CompoundIndex(name = "cluster_enterprise", def = "{'clusterId': 1, 'enterpriseId': 1}", unique = true)
@CompoundIndex(name = "status_valid_until", def = "{'status': 1, 'validUntil': 1}")
public class Membership implements OutboxCarrier {

    public enum Status {
        ACTIVE, GRACE, LAPSED, SUSPENDED, TERMINATED;

        /** A current member: ACTIVE, or in its GRACE period after the validity ended. */
        public boolean isCurrent() {
            return this == ACTIVE || this == GRACE;
        }
    }

    /** What a recorded change did; the event's {@code change} for status changes. */
    public enum ChangeKind { ADMITTED, GRACE, LAPSED, SUSPENDED, REINSTATED, TERMINATED, RENEWED, TIER_CHANGED }

    /**
     * One entry of the history: what happened, the status after it, when, who ({@code by}: the user's subject, or
     * {@link #SYSTEM} for the expiry job) and why, with the tier and validity after the change.
     */
    @NullMarked
    public record Change(ChangeKind kind, Status status, Instant at, String by, @Nullable String reason, String tier,
                         LocalDate validUntil) {
    }

    /** The {@code by} of changes the platform makes by itself (expiry). */
    public static final String SYSTEM = "system";

    @Id
    private String id;
    private String clusterId;
    @Indexed
    private String enterpriseId;
    private String enterpriseName;
    @Indexed(unique = true)
    private String memberNumber;
    private String tier;
    private Status status;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private List<Change> history = new ArrayList<>();
    private List<OutboxEntry> outbox = new ArrayList<>();
    @Version
    private Long revision;

    protected Membership() {
    }

    static Membership admit(String id, String clusterId, String enterpriseId, String enterpriseName,
                            String memberNumber, String tier, LocalDate validFrom, String by, Instant at) {
        Membership membership = new Membership();
        membership.id = id;
        membership.clusterId = clusterId;
        membership.enterpriseId = enterpriseId;
        membership.enterpriseName = enterpriseName;
        membership.memberNumber = memberNumber;
        membership.tier = tier;
        membership.status = Status.ACTIVE;
        membership.validFrom = validFrom;
        membership.validUntil = validFrom.plusYears(1).minusDays(1);
        membership.record(ChangeKind.ADMITTED, Status.ACTIVE, at, by, "admitted");
        return membership;
    }

    // --- transitions -------------------------------------------------------------------------------------------------

    /** The secretariat suspends a current (ACTIVE or GRACE) member. */
    MembershipStatusChanged suspend(String by, String reason, Instant at) {
        requireStatus("suspended", Status.ACTIVE, Status.GRACE);
        return changeStatus(ChangeKind.SUSPENDED, Status.SUSPENDED, by, reason, at);
    }

    /**
     * The secretariat lifts a suspension. The membership returns to the status its validity gives on {@code today}:
     * ACTIVE while valid, GRACE within the grace period after {@code validUntil}, LAPSED after it. A suspension does
     * not stop the clock, and it does not extend the validity either.
     */
    MembershipStatusChanged reinstate(String by, String reason, LocalDate today, Period gracePeriod, Instant at) {
        requireStatus("reinstated", Status.SUSPENDED);
        return changeStatus(ChangeKind.REINSTATED, statusByValidity(today, gracePeriod), by, reason, at);
    }

    /** The secretariat ends the membership for good; nothing follows a termination. */
    MembershipStatusChanged terminate(String by, String reason, Instant at) {
        requireStatus("terminated", Status.ACTIVE, Status.GRACE, Status.LAPSED, Status.SUSPENDED);
        return changeStatus(ChangeKind.TERMINATED, Status.TERMINATED, by, reason, at);
    }

    /**
     * The secretariat records a renewal: the membership is ACTIVE again and valid one membership year longer. The new
     * year starts the day after {@code validUntil}, or {@code today} when that is later (a lapsed membership does not
     * pay for the months it was not valid), and ends the day before the same date a year later, like the first year.
     * A membership valid for a full year already is not due for renewal: that refusal also keeps a repeated request
     * (a double click) from paying two years.
     */
    MembershipStatusChanged renew(String by, String reason, LocalDate today, Instant at) {
        requireStatus("renewed", Status.ACTIVE, Status.GRACE, Status.LAPSED);
        if (!validUntil.isBefore(today.plusYears(1).minusDays(1))) {
            throw new MembershipTransitionRefusedException("renewal-not-due", "Renewal not due",
                    "The membership is valid until " + validUntil + ", a full membership year ahead already.", status);
        }
        LocalDate start = validUntil.plusDays(1).isAfter(today) ? validUntil.plusDays(1) : today;
        this.validUntil = start.plusYears(1).minusDays(1);
        return changeStatus(ChangeKind.RENEWED, Status.ACTIVE, by, reason, at);
    }

    /**
     * Moves the membership to another tier of its cluster (the caller checked that the tier exists), in any status
     * but TERMINATED; the status stays as it is. Moving to the tier it has changes nothing and announces nothing, so
     * the request is idempotent.
     */
    Optional<MemberTierChanged> changeTier(String newTier, String by, String reason, Instant at) {
        requireStatus("moved to another tier", Status.ACTIVE, Status.GRACE, Status.LAPSED, Status.SUSPENDED);
        if (newTier.equals(tier)) {
            return Optional.empty();
        }
        String previousTier = tier;
        this.tier = newTier;
        record(ChangeKind.TIER_CHANGED, status, at, by, reason);
        return Optional.of(new MemberTierChanged(UUID.randomUUID(), at, clusterId, version(), id, enterpriseId,
                memberNumber, newTier, previousTier, reason));
    }

    /**
     * The expiry steps due on {@code today}, applied: ACTIVE becomes GRACE the day after {@code validUntil}; GRACE
     * becomes LAPSED the day after the grace period that follows {@code validUntil}. A membership long overdue takes
     * both steps (two changes, two events). Empty when nothing is due; other statuses never expire (a suspended
     * membership is judged by its validity when reinstated).
     */
    List<MembershipStatusChanged> expire(LocalDate today, Period gracePeriod, Instant at) {
        List<MembershipStatusChanged> steps = new ArrayList<>();
        if (status == Status.ACTIVE && validUntil.isBefore(today)) {
            steps.add(changeStatus(ChangeKind.GRACE, Status.GRACE, SYSTEM, "validity ended on " + validUntil, at));
        }
        if (status == Status.GRACE && validUntil.plus(gracePeriod).isBefore(today)) {
            steps.add(changeStatus(ChangeKind.LAPSED, Status.LAPSED, SYSTEM,
                    "grace period of " + gracePeriod + " after " + validUntil + " ended", at));
        }
        return steps;
    }

    /** The whole current state as an event, at the current version: no change, nothing recorded. */
    MemberSnapshot snapshot(Instant at) {
        return new MemberSnapshot(UUID.randomUUID(), at, clusterId, version(), id, enterpriseId, enterpriseName,
                memberNumber, tier, status.name(), validFrom, validUntil);
    }

    /** What the validity alone makes of this membership on {@code today}. */
    Status statusByValidity(LocalDate today, Period gracePeriod) {
        if (!validUntil.isBefore(today)) {
            return Status.ACTIVE;
        }
        return validUntil.plus(gracePeriod).isBefore(today) ? Status.LAPSED : Status.GRACE;
    }

    private MembershipStatusChanged changeStatus(ChangeKind kind, Status newStatus, String by, String reason,
                                                 Instant at) {
        Status previous = status;
        this.status = newStatus;
        record(kind, newStatus, at, by, reason);
        return new MembershipStatusChanged(UUID.randomUUID(), at, clusterId, version(), id, enterpriseId,
                memberNumber, newStatus.name(), previous.name(), reason, validUntil, kind.name());
    }

    private void record(ChangeKind kind, Status newStatus, Instant at, String by, String reason) {
        history.add(new Change(kind, newStatus, at, by, reason, tier, validUntil));
    }

    private void requireStatus(String what, Status... allowed) {
        for (Status candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new MembershipTransitionRefusedException("membership-transition-refused",
                "Not allowed in this membership state",
                "A " + status + " membership cannot be " + what + ".", status);
    }

    void announce(OutboxEntry entry) {
        outbox.add(entry);
    }

    /** The aggregate version that events about this membership carry: one per recorded change. */
    public long version() {
        return history.size();
    }

    /** The document's write token (optimistic locking); not the aggregate version. */
    Long revision() {
        return revision;
    }

    @Override
    public List<OutboxEntry> outbox() {
        return outbox;
    }

    public String id() {
        return id;
    }

    public String clusterId() {
        return clusterId;
    }

    public String enterpriseId() {
        return enterpriseId;
    }

    public String enterpriseName() {
        return enterpriseName;
    }

    public String memberNumber() {
        return memberNumber;
    }

    public String tier() {
        return tier;
    }

    public Status status() {
        return status;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public List<Change> history() {
        return List.copyOf(history);
    }
}
