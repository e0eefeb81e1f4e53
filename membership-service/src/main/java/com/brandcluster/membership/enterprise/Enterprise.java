package com.brandcluster.membership.enterprise;

import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.NotFoundException;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An enterprise that acts in the portal through its users (colleagues), each an ADMIN or STAFF of it; it always keeps
 * at least one ADMIN. Registration links the registering user to it in Keycloak ({@code enterprise_id}); until that
 * link is written, {@code linkedAt} is empty and the registration is resumable.
 *
 * <p>Pattern 1 (one aggregate, one document): the profile, the colleagues, the pending Keycloak steps and the outbox
 * events change in one write, guarded by the document revision ({@code @Version}), so two admins changing colleagues
 * at once are decided one after the other. {@link #version()} counts the changes events announce.
 *
 * <p>Pattern 4 (steps keyed by the enterprise and the user, each idempotent): a colleague's Keycloak link is written
 * between two writes of this document. An invitation is recorded as a {@link PendingLink} before the link is written
 * and becomes a {@link Colleague} after; a removal is recorded as a {@link PendingUnlink} (the leaving colleague no
 * longer counts as an admin) before the link is cleared, and the colleague goes after. A retry of the request
 * finishes a pending step; the repair job finishes stale removals and withdraws stale invitations.
 */
@Document("enterprises")
@CompoundIndex(name = "pending_link_at", def = "{'pendingLinks.at': 1}")
@CompoundIndex(name = "pending_link_withdrawn", def = "{'pendingLinks.withdrawn': 1}")
@CompoundIndex(name = "pending_unlink_at", def = "{'pendingUnlinks.at': 1}")
public class Enterprise implements OutboxCarrier {

    /** The version of the registration's {@code EnterpriseUpdated}; the registrant's link is the next one. */
    static final long REGISTERED_VERSION = 1;
    static final long REGISTRANT_LINKED_VERSION = 2;
    static final String INVITATION_EXPIRED = "invitation-expired";

    public enum UserRole { ADMIN, STAFF }

    @NullMarked
    public record Contact(String name, @Nullable String role, @Nullable String email, @Nullable String phone) {
    }

    /** A user acting for the enterprise, with their e-mail (as invited) and their role in it. */
    public record Colleague(String userId, String email, UserRole role, Instant since) {
    }

    /**
     * An invitation whose Keycloak link is being written. {@code withdrawn}: the repair job is taking it back (the
     * link is being cleared), so it can no longer be completed.
     */
    public record PendingLink(String userId, String email, UserRole role, String by, Instant at, boolean withdrawn) {
    }

    /** A removal whose Keycloak link is being cleared. */
    public record PendingUnlink(String userId, String by, Instant at) {
    }

    /** The profile the enterprise's admins edit; the credit code is not part of it (it never changes). */
    public record Profile(String legalName, String region, String industry, String size, String website,
                          List<String> trademarks, List<Contact> contacts) {

        public Profile {
            trademarks = trademarks == null ? List.of() : List.copyOf(trademarks);
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
        }
    }

    @Id
    private String id;
    private String legalName;
    @Indexed(unique = true)
    private String creditCode;
    private String region;
    private String industry;
    private String size;
    private String website;
    private List<String> trademarks;
    private List<Contact> contacts;
    private List<Colleague> users = new ArrayList<>();
    private List<PendingLink> pendingLinks = new ArrayList<>();
    private List<PendingUnlink> pendingUnlinks = new ArrayList<>();
    @Indexed
    private String registeredBy;
    private Instant registeredAt;
    private Instant linkedAt;
    private long version;
    private List<OutboxEntry> outbox = new ArrayList<>();
    @Version
    private Long revision;

    protected Enterprise() {
    }

    Enterprise(String id, UnifiedSocialCreditCode creditCode, Profile profile, String registeredBy,
               String registrantEmail, Instant registeredAt) {
        this.id = id;
        this.creditCode = creditCode.value();
        apply(profile);
        this.users.add(new Colleague(registeredBy, normaliseEmail(registrantEmail), UserRole.ADMIN, registeredAt));
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
    }

    // --- registration ------------------------------------------------------------------------------------------

    /** The registrant's Keycloak link is written: the enterprise exists, with its first admin. */
    void linked(Instant at) {
        this.linkedAt = at;
        this.version = REGISTRANT_LINKED_VERSION;
    }

    boolean isLinked() {
        return linkedAt != null;
    }

    // --- profile -----------------------------------------------------------------------------------------------

    /** Replaces the profile; false (and no new version) when nothing changed. */
    boolean updateProfile(Profile profile) {
        if (profile.equals(profile())) {
            return false;
        }
        apply(profile);
        version++;
        return true;
    }

    private void apply(Profile profile) {
        this.legalName = profile.legalName();
        this.region = profile.region();
        this.industry = profile.industry();
        this.size = profile.size();
        this.website = profile.website();
        this.trademarks = profile.trademarks();
        this.contacts = profile.contacts();
    }

    public Profile profile() {
        return new Profile(legalName, region, industry, size, website, trademarks, contacts);
    }

    // --- colleagues --------------------------------------------------------------------------------------------

    /**
     * Records an invitation before the user's Keycloak link is written. Inviting the same user again while the
     * invitation is pending resumes it (a retry), with the role of the latest request.
     */
    void invite(String userId, String email, UserRole role, String by, Instant at) {
        if (user(userId).isPresent() || hasColleagueWithEmail(email)) {
            throw colleagueExists(pendingUnlink(userId).isPresent() ? "LEAVING" : "ACTIVE");
        }
        Optional<PendingLink> pending = pendingLink(userId);
        if (pending.isPresent() && pending.get().withdrawn()) {
            throw new ConflictException("invitation-withdrawn", "Invitation being withdrawn",
                    "An earlier invitation of this person is being withdrawn; invite them again in a moment.")
                    .withCurrentState("WITHDRAWING");
        }
        pending.ifPresent(pendingLinks::remove);
        pendingLinks.add(new PendingLink(userId, normaliseEmail(email), role, by, at, false));
    }

    /** The invited user's Keycloak link is written: the invitation becomes a colleague. */
    Colleague completeLink(String userId, Instant at) {
        Optional<Colleague> existing = user(userId);
        PendingLink pending = pendingLink(userId).filter(p -> !p.withdrawn()).orElse(null);
        if (pending == null) {
            if (existing.isPresent()) {
                return existing.get(); // completed by a concurrent retry
            }
            throw new ConflictException(INVITATION_EXPIRED, "Invitation expired",
                    "The invitation was withdrawn before it could be completed; invite the person again.")
                    .withCurrentState("WITHDRAWN");
        }
        pendingLinks.remove(pending);
        Colleague colleague = new Colleague(userId, pending.email(), pending.role(), at);
        users.add(colleague);
        version++;
        return colleague;
    }

    /** The repair job takes back an invitation that was never completed; false if there is none to take back. */
    boolean withdrawLink(String userId) {
        Optional<PendingLink> pending = pendingLink(userId).filter(p -> !p.withdrawn());
        if (pending.isEmpty()) {
            return false;
        }
        pendingLinks.set(pendingLinks.indexOf(pending.get()), new PendingLink(userId, pending.get().email(),
                pending.get().role(), pending.get().by(), pending.get().at(), true));
        return true;
    }

    /** An invitation that cannot succeed (the user was linked elsewhere meanwhile) is dropped; false if none. */
    boolean dropLink(String userId) {
        return pendingLinks.removeIf(p -> p.userId().equals(userId) && !p.withdrawn());
    }

    /** The withdrawn invitation's Keycloak link is cleared: it is gone. */
    void forgetWithdrawnLink(String userId) {
        pendingLinks.removeIf(p -> p.userId().equals(userId) && p.withdrawn());
    }

    /**
     * Records a removal before the user's Keycloak link is cleared. From now on the leaving colleague is not counted
     * as an admin, so two admins removing each other at once cannot leave the enterprise without one: the second
     * write sees the first removal and is refused. Starting a removal that is pending already resumes it.
     */
    void startRemoval(String userId, String by, Instant at) {
        Colleague colleague = colleague(userId);
        if (pendingUnlink(userId).isPresent()) {
            return;
        }
        if (colleague.role() == UserRole.ADMIN && adminsOtherThan(userId) == 0) {
            throw lastAdmin();
        }
        pendingUnlinks.add(new PendingUnlink(userId, by, at));
    }

    /** The user's Keycloak link is cleared: they are no colleague any more. Empty when done already. */
    Optional<Colleague> completeRemoval(String userId) {
        if (pendingUnlink(userId).isEmpty()) {
            return Optional.empty();
        }
        Colleague colleague = colleague(userId);
        pendingUnlinks.removeIf(p -> p.userId().equals(userId));
        users.remove(colleague);
        version++;
        return Optional.of(colleague);
    }

    /** Gives a colleague another role; empty (and no new version) when they have it already. */
    Optional<Colleague> changeRole(String userId, UserRole role) {
        Colleague colleague = colleague(userId);
        if (pendingUnlink(userId).isPresent()) {
            throw new ConflictException("colleague-leaving", "Colleague leaving",
                    "This person is being removed from the enterprise.").withCurrentState("LEAVING");
        }
        if (colleague.role() == role) {
            return Optional.empty();
        }
        if (colleague.role() == UserRole.ADMIN && adminsOtherThan(userId) == 0) {
            throw lastAdmin();
        }
        Colleague changed = new Colleague(userId, colleague.email(), role, colleague.since());
        users.set(users.indexOf(colleague), changed);
        version++;
        return Optional.of(changed);
    }

    /** Whether the user acts for the enterprise as an admin (and is not being removed). */
    public boolean isAdmin(String userId) {
        return user(userId).filter(c -> c.role() == UserRole.ADMIN).isPresent() && pendingUnlink(userId).isEmpty();
    }

    private long adminsOtherThan(String userId) {
        return users.stream().filter(c -> c.role() == UserRole.ADMIN && !c.userId().equals(userId))
                .filter(c -> pendingUnlink(c.userId()).isEmpty())
                .count();
    }

    private Colleague colleague(String userId) {
        return user(userId).orElseThrow(() -> new NotFoundException("colleague", userId));
    }

    boolean hasColleagueWithEmail(String email) {
        String wanted = normaliseEmail(email);
        return wanted != null && users.stream().anyMatch(c -> wanted.equals(c.email()));
    }

    static ConflictException colleagueExists(String currentState) {
        return new ConflictException("colleague-exists", "Colleague exists",
                "This person acts for the enterprise already; change their role instead.")
                .withCurrentState(currentState);
    }

    private static ConflictException lastAdmin() {
        return new ConflictException("last-admin", "Last admin",
                "Every enterprise keeps at least one admin; make another colleague an admin first.");
    }

    static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<Colleague> user(String userId) {
        return users.stream().filter(u -> u.userId().equals(userId)).findFirst();
    }

    Optional<PendingLink> pendingLink(String userId) {
        return pendingLinks.stream().filter(p -> p.userId().equals(userId)).findFirst();
    }

    Optional<PendingUnlink> pendingUnlink(String userId) {
        return pendingUnlinks.stream().filter(p -> p.userId().equals(userId)).findFirst();
    }

    List<PendingLink> pendingLinks() {
        return List.copyOf(pendingLinks);
    }

    List<PendingUnlink> pendingUnlinks() {
        return List.copyOf(pendingUnlinks);
    }

    // --- events ------------------------------------------------------------------------------------------------

    void announce(OutboxEntry entry) {
        outbox.add(entry);
    }

    /** The aggregate version that events about this enterprise carry: one per change. */
    public long version() {
        return version;
    }

    @Override
    public List<OutboxEntry> outbox() {
        return outbox;
    }

    // --- reading -----------------------------------------------------------------------------------------------

    public String id() {
        return id;
    }

    public String legalName() {
        return legalName;
    }

    public String creditCode() {
        return creditCode;
    }

    public String region() {
        return region;
    }

    public String industry() {
        return industry;
    }

    public String size() {
        return size;
    }

    public String website() {
        return website;
    }

    public List<String> trademarks() {
        return trademarks;
    }

    public List<Contact> contacts() {
        return contacts;
    }

    public List<Colleague> users() {
        return List.copyOf(users);
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
