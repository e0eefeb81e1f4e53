package com.brandcluster.membership.enterprise;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * An enterprise's admins invite colleagues by e-mail, change their roles and remove them; a colleague may also leave.
 *
 * <p>Who acts for an enterprise lives in two places: the {@code enterprise_id} attribute of the Keycloak user (what
 * tokens carry, what every service trusts) and the colleague list of the {@link Enterprise} document (with the
 * enterprise role). Without a transaction spanning both, the steps are ordered so that a crash or a Keycloak outage
 * leaves a pending step recorded in the document that a retry finishes or the repair job settles (DESIGN.md §6,
 * pattern 4, keyed by enterprise and user; every Keycloak write is idempotent):
 * <ul>
 * <li>invite: find or create the Keycloak user and give it the realm role {@code enterprise} (a user without an
 * enterprise grants nothing), refuse one who acts for another enterprise; record the invitation as pending; write
 * {@code enterprise_id}; complete the colleague with its {@code user-linked} event. If Keycloak fails before the
 * pending record, nothing is stored. If it fails after, a retry of the same invitation finishes it, and the repair job
 * withdraws an invitation left pending (it clears {@code enterprise_id} again): on doubt, no access is granted.</li>
 * <li>remove: record the removal as pending (the leaving admin stops counting as an admin in that same guarded
 * write); clear {@code enterprise_id}; remove the colleague with its {@code user-unlinked} event. If Keycloak fails,
 * a retry or the repair job finishes the removal: on doubt, access is taken away.</li>
 * <li>role change: the role lives in the document only; one guarded write.</li>
 * </ul>
 */
@Service
class Colleagues {

    private static final Logger log = LoggerFactory.getLogger(Colleagues.class);

    private final EnterpriseChanges changes;
    private final KeycloakUsers keycloak;
    private final MongoOperations mongo;
    private final IdentityRepairProperties repair;
    private final Clock clock;

    Colleagues(EnterpriseChanges changes, KeycloakUsers keycloak, MongoOperations mongo,
               IdentityRepairProperties repair, Clock clock) {
        this.changes = changes;
        this.keycloak = keycloak;
        this.mongo = mongo;
        this.repair = repair;
        this.clock = clock;
    }

    /** The enterprise's colleagues, for its own users. */
    Enterprise list(String enterpriseId, Caller caller) {
        if (!caller.actsFor(enterpriseId)) {
            throw new ForbiddenException("Only the enterprise's own users see its colleagues.");
        }
        return changes.get(enterpriseId);
    }

    Enterprise.Colleague invite(String enterpriseId, EnterpriseRequests.Invite request, Caller caller) {
        Enterprise enterprise = adminOnly(enterpriseId, caller);
        String email = Enterprise.normaliseEmail(request.email());
        if (enterprise.hasColleagueWithEmail(email)) {
            throw Enterprise.colleagueExists("ACTIVE");
        }
        KeycloakUser user = keycloak.findByEmail(email).orElseGet(() -> keycloak.createUser(email));
        if (user.enterpriseId().filter(id -> !id.equals(enterpriseId)).isPresent()) {
            throw new UserActsForAnotherEnterpriseException();
        }
        if (!keycloak.realmRoles(user.id()).contains(Roles.ENTERPRISE)) {
            keycloak.addRealmRole(user.id(), Roles.ENTERPRISE);
        }
        changes.change(enterpriseId, e -> {
            e.invite(user.id(), email, request.role(), caller.subject(), clock.instant());
            return null;
        });
        KeycloakUser linked;
        try {
            linked = keycloak.linkEnterprise(user.id(), enterpriseId);
        } catch (UserActsForAnotherEnterpriseException e) {
            // linked elsewhere since we looked (nothing was written to the user): this invitation cannot succeed
            changes.change(enterpriseId, ent -> ent.dropLink(user.id()));
            throw e;
        }
        Enterprise.Colleague colleague = completeLink(enterpriseId, linked);
        log.info("A colleague joined enterprise {} as {}", enterpriseId, colleague.role());
        return colleague;
    }

    private Enterprise.Colleague completeLink(String enterpriseId, KeycloakUser linked) {
        try {
            return changes.change(enterpriseId, e -> {
                boolean wasPending = e.pendingLink(linked.id()).isPresent();
                Instant now = clock.instant();
                Enterprise.Colleague colleague = e.completeLink(linked.id(), now);
                if (wasPending) {
                    changes.announceLinked(e, colleague, EnterpriseChanges.Person.of(linked, colleague), e.version(), now);
                }
                return colleague;
            });
        } catch (ConflictException e) {
            if (Enterprise.INVITATION_EXPIRED.equals(e.type())) {
                // the repair job withdrew the invitation meanwhile: take back the link this request wrote
                keycloak.unlinkEnterprise(linked.id(), enterpriseId);
            }
            throw e;
        }
    }

    /** An admin removes a colleague, or a colleague leaves. */
    void remove(String enterpriseId, String userId, Caller caller) {
        boolean leaving = caller.actsFor(enterpriseId) && userId.equals(caller.subject());
        if (!leaving) {
            adminOnly(enterpriseId, caller);
        }
        changes.change(enterpriseId, e -> {
            e.startRemoval(userId, caller.subject(), clock.instant());
            return null;
        });
        finishRemoval(enterpriseId, userId);
    }

    /**
     * The person leaves the enterprise because their personal data is being erased: the same steps as a colleague
     * leaving (the last admin is refused), whatever enterprise their token names.
     */
    void leave(String enterpriseId, String userId) {
        changes.change(enterpriseId, e -> {
            e.startRemoval(userId, userId, clock.instant());
            return null;
        });
        finishRemoval(enterpriseId, userId);
    }

    private void finishRemoval(String enterpriseId, String userId) {
        KeycloakUser user = keycloak.unlinkEnterprise(userId, enterpriseId).orElse(null);
        Optional<Enterprise.Colleague> removed = changes.change(enterpriseId, e -> {
            Optional<Enterprise.Colleague> colleague = e.completeRemoval(userId);
            colleague.ifPresent(c -> changes.announceUnlinked(e, c, EnterpriseChanges.Person.of(user, c),
                    clock.instant()));
            return colleague;
        });
        removed.ifPresent(c -> log.info("A colleague left enterprise {}", enterpriseId));
    }

    Enterprise.Colleague changeRole(String enterpriseId, String userId, EnterpriseRequests.RoleChange request,
                                    Caller caller) {
        Enterprise enterprise = adminOnly(enterpriseId, caller);
        Enterprise.Colleague before = enterprise.user(userId)
                .orElseThrow(() -> new NotFoundException("colleague", userId));
        KeycloakUser user = person(userId);
        return changes.change(enterpriseId, e -> {
            Instant now = clock.instant();
            Optional<Enterprise.Colleague> changed = e.changeRole(userId, request.role());
            changed.ifPresent(c -> changes.announceLinked(e, c, EnterpriseChanges.Person.of(user, c), e.version(), now));
            return changed.orElse(e.user(userId).orElse(before));
        });
    }

    private KeycloakUser person(String userId) {
        try {
            return keycloak.user(userId);
        } catch (KeycloakUserNotFoundException gone) {
            return null;
        }
    }

    private Enterprise adminOnly(String enterpriseId, Caller caller) {
        if (!caller.actsFor(enterpriseId)) {
            throw new ForbiddenException("Only the enterprise's own admins manage its colleagues.");
        }
        Enterprise enterprise = changes.get(enterpriseId);
        if (!enterprise.isAdmin(caller.subject())) {
            throw new ForbiddenException("Only an admin of the enterprise manages its colleagues.");
        }
        return enterprise;
    }

    // --- repair (pattern 4: settle the steps a crash or an outage left pending) ----------------------------------

    @Scheduled(fixedDelayString = "${brandcluster.membership.identity-repair.interval:PT30S}",
            initialDelayString = "${brandcluster.membership.identity-repair.interval:PT30S}")
    void repairPendingLinks() {
        settlePendingBefore(clock.instant().minus(repair.after()));
    }

    /**
     * Withdraws invitations and finishes removals that were left pending before the instant: an invitation is
     * marked withdrawn (so a late retry cannot complete it), its link cleared, then forgotten; a removal's link is
     * cleared and the colleague removed. Each step is idempotent, so several instances may run this at once.
     */
    void settlePendingBefore(Instant before) {
        Query stale = Query.query(new Criteria().orOperator(
                Criteria.where("pendingLinks").elemMatch(Criteria.where("at").lt(before)),
                Criteria.where("pendingLinks").elemMatch(Criteria.where("withdrawn").is(true)),
                Criteria.where("pendingUnlinks").elemMatch(Criteria.where("at").lt(before))));
        for (Enterprise enterprise : mongo.find(stale.limit(100), Enterprise.class)) {
            try {
                settle(enterprise, before);
            } catch (RuntimeException e) {
                log.warn("Pending colleague changes of enterprise {} stay pending: {}", enterprise.id(), e.toString());
            }
        }
    }

    private void settle(Enterprise enterprise, Instant before) {
        for (Enterprise.PendingLink link : enterprise.pendingLinks()) {
            if (link.withdrawn() || link.at().isBefore(before)) {
                boolean withdrawn = changes.change(enterprise.id(), e -> e.withdrawLink(link.userId())
                        || e.pendingLink(link.userId()).filter(Enterprise.PendingLink::withdrawn).isPresent());
                if (!withdrawn) {
                    continue; // completed meanwhile
                }
                keycloak.unlinkEnterprise(link.userId(), enterprise.id());
                changes.change(enterprise.id(), e -> {
                    e.forgetWithdrawnLink(link.userId());
                    return null;
                });
                log.info("An invitation to enterprise {} was never completed and is withdrawn", enterprise.id());
            }
        }
        for (Enterprise.PendingUnlink unlink : enterprise.pendingUnlinks()) {
            if (unlink.at().isBefore(before)) {
                finishRemoval(enterprise.id(), unlink.userId());
                log.info("A pending removal from enterprise {} is finished", enterprise.id());
            }
        }
    }
}
