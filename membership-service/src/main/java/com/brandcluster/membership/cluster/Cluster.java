package com.brandcluster.membership.cluster;

import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.UnprocessableException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A brand cluster: an alliance of enterprises building one shared brand. Its id is a slug such as {@code lighting}.
 *
 * <p>Pattern 1 (one aggregate, one document): its tiers, its secretariat and the outbox events announcing their
 * changes are written together, guarded by the document revision ({@code @Version}); {@link #version()} counts the
 * changes events announce (founding is 1).
 *
 * <p>Its secretariat is also written to Keycloak ({@code secretariat_of} of each member): pattern 4. A change is first
 * recorded here as a {@link SecretariatChange} claimed by one request (or the repair job), then written to Keycloak
 * user by user (idempotently), then committed here with its event. One change at a time: another request waits
 * until the claim is released (interrupted by a failure) or stale (its holder died); whoever takes it over finishes
 * the Keycloak writes of every user it touched.
 */
@Document("clusters")
public class Cluster implements OutboxCarrier {

    public enum Status { ACTIVE, DISSOLVED }

    /** A member of the secretariat, with what notifications need to reach them. */
    public record SecretariatMember(String userId, String username, String email, String locale, Instant since) {
    }

    /**
     * A secretariat change being written to Keycloak: the new members, every user whose {@code secretariat_of} it
     * may touch (the members before, the new ones, and those of a change it took over), and its claim.
     */
    public record SecretariatChange(String id, List<SecretariatMember> target, List<String> affectedUserIds,
                                    String by, String reason, Instant claimedAt, boolean interrupted) {

        /** A request may take over a change that was interrupted, or whose holder died (stale). */
        boolean canBeTakenOver(Instant now, Duration staleAfter) {
            return interrupted || claimedAt.isBefore(now.minus(staleAfter));
        }

        /** The repair job leaves an interrupted change to a retry of its request for a while. */
        boolean canBeSettled(Instant now, Duration settleAfter, Duration staleAfter) {
            return (interrupted && claimedAt.isBefore(now.minus(settleAfter))) || claimedAt.isBefore(now.minus(staleAfter));
        }
    }

    /** Who joined and who left the secretariat with a committed change. */
    public record SecretariatOutcome(List<String> added, List<String> removed) {

        boolean changedAnything() {
            return !added.isEmpty() || !removed.isEmpty();
        }
    }

    @Id
    private String id;
    private String name;
    private String industry;
    private String region;
    private String description;
    private LocalDate foundedOn;
    private String memberNumberPrefix;
    private List<Tier> tiers;
    private Status status;
    private Instant createdAt;
    private String createdBy;
    private List<SecretariatMember> secretariat = new ArrayList<>();
    private SecretariatChange pendingSecretariat;
    private long version;
    private List<OutboxEntry> outbox = new ArrayList<>();
    @Version
    private Long revision;

    protected Cluster() {
    }

    Cluster(String id, String name, String industry, String region, String description, LocalDate foundedOn,
            String memberNumberPrefix, List<Tier> tiers, Instant createdAt, String createdBy) {
        this.id = id;
        this.name = name;
        this.industry = industry;
        this.region = region;
        this.description = description;
        this.foundedOn = foundedOn;
        this.memberNumberPrefix = memberNumberPrefix;
        this.tiers = validTiers(tiers);
        this.status = Status.ACTIVE;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.version = 1;
    }

    // --- tiers ---------------------------------------------------------------------------------------------------

    /**
     * Replaces the tiers (the same rules as at founding: every tier its own code and rank). A tier that a membership
     * still holds cannot go. False (and no new version) when the tiers are the same.
     */
    boolean replaceTiers(List<Tier> replacement, Set<String> tiersHeld) {
        List<Tier> sorted = validTiers(replacement);
        if (sorted.equals(tiers)) {
            return false;
        }
        Set<String> kept = sorted.stream().map(Tier::code).collect(Collectors.toSet());
        Set<String> removedButHeld = tiers.stream().map(Tier::code)
                .filter(code -> !kept.contains(code) && tiersHeld.contains(code))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!removedButHeld.isEmpty()) {
            throw new TierInUseException(List.copyOf(removedButHeld));
        }
        this.tiers = sorted;
        version++;
        return true;
    }

    private static List<Tier> validTiers(List<Tier> tiers) {
        if (tiers == null || tiers.isEmpty()) {
            throw new UnprocessableException("no-tiers", "No tiers", "A cluster needs at least one tier.");
        }
        if (new HashSet<>(tiers.stream().map(Tier::code).toList()).size() != tiers.size()
                || new HashSet<>(tiers.stream().map(Tier::rank).toList()).size() != tiers.size()) {
            throw new UnprocessableException("duplicate-tier", "Duplicate tier",
                    "Every tier needs its own code and its own rank.");
        }
        return tiers.stream().sorted(Comparator.comparingInt(Tier::rank)).toList();
    }

    public Optional<Tier> tier(String code) {
        return tiers.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The entry tier, used when an application does not ask for one. */
    public Tier entryTier() {
        return tiers.getFirst();
    }

    // --- secretariat ---------------------------------------------------------------------------------------------

    /**
     * Claims the secretariat for a change to these members. Refused while another change holds the claim; a change
     * that was interrupted or whose holder died is taken over, with every user it touched.
     */
    SecretariatChange beginSecretariatChange(String changeId, List<SecretariatMember> target, String by, String reason,
                                             Instant now, Duration staleAfter) {
        if (pendingSecretariat != null && !pendingSecretariat.canBeTakenOver(now, staleAfter)) {
            throw new ConflictException("secretariat-change-in-progress", "Secretariat change in progress",
                    "Another change of this cluster's secretariat is being written; try again in a moment.")
                    .withCurrentState("CHANGING");
        }
        Set<String> affected = new LinkedHashSet<>();
        secretariat.forEach(m -> affected.add(m.userId()));
        if (pendingSecretariat != null) {
            affected.addAll(pendingSecretariat.affectedUserIds());
        }
        target.forEach(m -> affected.add(m.userId()));
        pendingSecretariat = new SecretariatChange(changeId, List.copyOf(target), List.copyOf(affected), by, reason,
                now, false);
        return pendingSecretariat;
    }

    /**
     * The repair job takes over a change left interrupted (for longer than {@code settleAfter}) or stale, to finish
     * it; empty when there is none.
     */
    Optional<SecretariatChange> takeOverSecretariatChange(String changeId, Instant now, Duration settleAfter,
                                                          Duration staleAfter) {
        if (pendingSecretariat == null || !pendingSecretariat.canBeSettled(now, settleAfter, staleAfter)) {
            return Optional.empty();
        }
        SecretariatChange p = pendingSecretariat;
        pendingSecretariat = new SecretariatChange(changeId, p.target(), p.affectedUserIds(), p.by(), p.reason(), now,
                false);
        return Optional.of(pendingSecretariat);
    }

    /** The holder of the change could not finish it (Keycloak failed): anyone may take it over now. */
    void interruptSecretariatChange(String changeId) {
        SecretariatChange p = pendingSecretariat;
        if (p != null && p.id().equals(changeId)) {
            pendingSecretariat = new SecretariatChange(p.id(), p.target(), p.affectedUserIds(), p.by(), p.reason(),
                    p.claimedAt(), true);
        }
    }

    /**
     * The change is written to Keycloak: its members (as Keycloak described them meanwhile) become the
     * secretariat. Refused if the claim was taken over meanwhile.
     */
    SecretariatOutcome commitSecretariatChange(String changeId, List<SecretariatMember> members, Instant now) {
        if (pendingSecretariat == null || !pendingSecretariat.id().equals(changeId)) {
            throw new ConflictException("secretariat-change-taken-over", "Secretariat change taken over",
                    "The change was taken over by another one while it was being written.")
                    .withCurrentState(pendingSecretariat == null ? "SETTLED" : "CHANGING");
        }
        Map<String, SecretariatMember> before = secretariat.stream()
                .collect(Collectors.toMap(SecretariatMember::userId, Function.identity(), (a, b) -> a));
        List<SecretariatMember> after = members.stream()
                .map(m -> new SecretariatMember(m.userId(), m.username(), m.email(), m.locale(),
                        before.containsKey(m.userId()) ? before.get(m.userId()).since() : now))
                .toList();
        Set<String> afterIds = after.stream().map(SecretariatMember::userId).collect(Collectors.toSet());
        List<String> added = after.stream().map(SecretariatMember::userId).filter(u -> !before.containsKey(u)).toList();
        List<String> removed = secretariat.stream().map(SecretariatMember::userId).filter(u -> !afterIds.contains(u))
                .toList();
        secretariat = new ArrayList<>(after);
        pendingSecretariat = null;
        SecretariatOutcome outcome = new SecretariatOutcome(added, removed);
        if (outcome.changedAnything()) {
            version++;
        }
        return outcome;
    }

    public List<SecretariatMember> secretariat() {
        return List.copyOf(secretariat);
    }

    Optional<SecretariatChange> pendingSecretariat() {
        return Optional.ofNullable(pendingSecretariat);
    }

    // --- events --------------------------------------------------------------------------------------------------

    void announce(OutboxEntry entry) {
        outbox.add(entry);
    }

    /** The aggregate version that events about this cluster carry: one per change, founding is 1. */
    public long version() {
        return version;
    }

    @Override
    public List<OutboxEntry> outbox() {
        return outbox;
    }

    // --- reading -------------------------------------------------------------------------------------------------

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String industry() {
        return industry;
    }

    public String region() {
        return region;
    }

    public String description() {
        return description;
    }

    public LocalDate foundedOn() {
        return foundedOn;
    }

    public String memberNumberPrefix() {
        return memberNumberPrefix;
    }

    public List<Tier> tiers() {
        return tiers;
    }

    public Status status() {
        return status;
    }
}
