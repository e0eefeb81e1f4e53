package com.brandcluster.membership.officer;

import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.UnprocessableException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The officers of one cluster: the current slate and every slate before it, with when and by whom each was set.
 * Pattern 1 (one aggregate, one document): a new slate and the history entry of the one it replaces are written in
 * one document save, guarded by the document version, so two secretariat users replacing the slate at once never
 * lose a history entry (the second gets a 409). Its id is the cluster's id: one slate document per cluster.
 *
 * <p>The aggregate checks what it can check on its own (seats held at most once, terms, duplicates); that every
 * officer enterprise is an ACTIVE member is checked by {@link OfficerSlates} against the register before.
 */
@Document("officer_slates")
class OfficerSlate {

    static final Comparator<Officer> SLATE_ORDER = Comparator.comparing(Officer::seat)
            .thenComparing(Officer::termStart)
            .thenComparing(Officer::enterpriseName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(Officer::enterpriseId);

    /** One slate as it was set: its officers, when, by whom (token subject and user name), and why. */
    record SlateVersion(long number, List<Officer> officers, Instant setAt, String setBy, String setByName, String reason) {
    }

    @Id
    private String clusterId;
    private List<SlateVersion> versions = new ArrayList<>();
    @Version
    private Long revision;

    protected OfficerSlate() {
    }

    /** A cluster without officers yet: version 0, an empty slate. */
    static OfficerSlate empty(String clusterId) {
        OfficerSlate slate = new OfficerSlate();
        slate.clusterId = clusterId;
        return slate;
    }

    /**
     * Replaces the current slate.
     *
     * @param expectedVersion the version the caller read and meant to replace, or null to replace whatever is current
     * @throws UnprocessableException a seat held twice that may be held once, a term that does not end after it
     *                                starts, an enterprise listed twice for overlapping terms
     * @throws ConflictException      the slate changed since the caller read {@code expectedVersion}
     */
    void replace(List<Officer> officers, Long expectedVersion, String by, String byName, String reason, Instant at) {
        if (expectedVersion != null && expectedVersion != version()) {
            throw new ConflictException("slate-changed", "Officer slate changed",
                    "The officer slate is at version " + version() + ", not " + expectedVersion
                            + "; reload it and apply your change again.")
                    .withCurrentState(Long.toString(version()));
        }
        check(officers);
        versions.add(new SlateVersion(version() + 1, officers.stream().sorted(SLATE_ORDER).toList(), at, by, byName,
                reason));
    }

    /** The rules every slate keeps, on their own: seats, terms, duplicates. */
    static void check(List<Officer> officers) {
        Map<Seat, Integer> held = new EnumMap<>(Seat.class);
        for (Officer officer : officers) {
            if (!officer.termEnd().isAfter(officer.termStart())) {
                throw new UnprocessableException("invalid-term", "Invalid term",
                        "The term of " + officer.seat() + " " + officer.enterpriseId() + " ends on "
                                + officer.termEnd() + ", which is not after its start " + officer.termStart() + ".");
            }
            if (held.merge(officer.seat(), 1, Integer::sum) > 1 && officer.seat().isSingle()) {
                throw new UnprocessableException("seat-held-twice", "Seat held twice",
                        "A slate has at most one " + officer.seat() + ".");
            }
        }
        for (int i = 0; i < officers.size(); i++) {
            for (int j = i + 1; j < officers.size(); j++) {
                Officer a = officers.get(i);
                Officer b = officers.get(j);
                if (a.enterpriseId().equals(b.enterpriseId()) && a.overlaps(b)) {
                    throw new UnprocessableException("duplicate-officer", "Duplicate officer",
                            "Enterprise " + a.enterpriseId() + " is listed twice (" + a.seat() + " and " + b.seat()
                                    + ") for overlapping terms; an enterprise holds one seat at a time.");
                }
            }
        }
    }

    /** The current slate; empty before the first one was set. */
    List<Officer> current() {
        return versions.isEmpty() ? List.of() : versions.getLast().officers();
    }

    /** The aggregate version: the number of slates set so far. */
    long version() {
        return versions.size();
    }

    /** When and by whom the current slate was set; null before the first one. */
    SlateVersion currentVersion() {
        return versions.isEmpty() ? null : versions.getLast();
    }

    /** Every slate, newest first. */
    List<SlateVersion> history() {
        return List.copyOf(versions.reversed());
    }

    boolean isNew() {
        return revision == null;
    }

    String clusterId() {
        return clusterId;
    }
}
