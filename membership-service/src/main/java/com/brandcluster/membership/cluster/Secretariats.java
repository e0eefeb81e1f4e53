package com.brandcluster.membership.cluster;

import com.brandcluster.contracts.membership.SecretariatChanged;
import com.brandcluster.contracts.membership.SecretariatUser;
import com.brandcluster.membership.audit.AuditLog;
import com.brandcluster.membership.cluster.Cluster.SecretariatChange;
import com.brandcluster.membership.cluster.Cluster.SecretariatMember;
import com.brandcluster.membership.cluster.Cluster.SecretariatOutcome;
import com.brandcluster.membership.enterprise.IdentityRepairProperties;
import com.brandcluster.membership.enterprise.KeycloakUser;
import com.brandcluster.membership.enterprise.KeycloakUserNotFoundException;
import com.brandcluster.membership.enterprise.KeycloakUsers;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The alliance office appoints the secretariat of a cluster: the users who may run it. Each member's Keycloak user
 * carries the cluster in {@code secretariat_of} (their other clusters kept) and holds the realm role
 * {@code secretariat}; a user who leaves the last secretariat they served also loses the role (least privilege: the
 * role without a cluster grants nothing, and a stale role would only confuse).
 *
 * <p>Pattern 4, rolling forward: (1) the users are resolved in Keycloak (nothing stored yet; an unknown one is a 422);
 * (2) the change is claimed on the cluster document (one change at a time); (3) every user it touches is written to
 * Keycloak, each write idempotent; (4) the change is committed on the document with its
 * {@code membership.secretariat.changed.v1} and audited. If Keycloak fails in (3), the claim is released and the
 * answer is a 503; the same request sent again, or the repair job, takes the change over and finishes it. If the
 * process dies, the claim goes stale and the repair job finishes it.
 */
@Service
class Secretariats {

    private static final Logger log = LoggerFactory.getLogger(Secretariats.class);
    private static final int ATTEMPTS = 3;

    private final ClusterRepository clusters;
    private final MongoOperations mongo;
    private final KeycloakUsers keycloak;
    private final OutboxEvents outboxEvents;
    private final AuditLog audit;
    private final IdentityRepairProperties repair;
    private final Clock clock;

    Secretariats(ClusterRepository clusters, MongoOperations mongo, KeycloakUsers keycloak, OutboxEvents outboxEvents,
                 AuditLog audit, IdentityRepairProperties repair, Clock clock) {
        this.clusters = clusters;
        this.mongo = mongo;
        this.keycloak = keycloak;
        this.outboxEvents = outboxEvents;
        this.audit = audit;
        this.repair = repair;
        this.clock = clock;
    }

    Cluster get(String clusterId, Caller caller) {
        if (!caller.isAllianceAdmin() && !caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the alliance office and the cluster's secretariat see its secretariat.");
        }
        return load(clusterId);
    }

    Cluster appoint(String clusterId, ClusterRequests.Appointment request, Caller caller) {
        if (!caller.isAllianceAdmin()) {
            throw new ForbiddenException("Only the alliance office appoints secretariats.");
        }
        load(clusterId);
        List<SecretariatMember> target = resolve(request.users());
        String changeId = UUID.randomUUID().toString();
        SecretariatChange change = change(clusterId, c -> c.beginSecretariatChange(changeId, target, caller.subject(),
                request.reason(), clock.instant(), repair.after()));
        return finish(clusterId, change, caller, Map.of());
    }

    /** Resolves usernames and e-mails to users, in the order given, each once; every unknown one is named. */
    private List<SecretariatMember> resolve(List<String> identifiers) {
        Map<String, SecretariatMember> members = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String identifier : identifiers) {
            String wanted = identifier.strip();
            Optional<KeycloakUser> user = keycloak.findByUsername(wanted);
            if (user.isEmpty() && wanted.contains("@")) {
                user = keycloak.findByEmail(wanted);
            }
            user.ifPresentOrElse(u -> members.putIfAbsent(u.id(), member(u)), () -> unknown.add(wanted));
        }
        if (!unknown.isEmpty()) {
            throw new UnknownUsersException(unknown);
        }
        return List.copyOf(members.values());
    }

    /**
     * Writes the claimed change to Keycloak and commits it, audited as the action of whoever asked for it; on failure
     * the claim is released for a retry.
     */
    private Cluster finish(String clusterId, SecretariatChange change, Caller requester, Map<String, Object> details) {
        List<SecretariatMember> members;
        try {
            members = writeToKeycloak(clusterId, change);
        } catch (RuntimeException e) {
            try {
                change(clusterId, c -> {
                    c.interruptSecretariatChange(change.id());
                    return null;
                });
            } catch (RuntimeException again) {
                log.warn("Secretariat change of cluster {} could not be released; it goes stale instead", clusterId);
            }
            throw e;
        }
        Map<String, Object> audited = new LinkedHashMap<>(details);
        Cluster committed = change(clusterId, c -> {
            Instant now = clock.instant();
            SecretariatOutcome outcome = c.commitSecretariatChange(change.id(), members, now);
            audited.put("added", outcome.added());
            audited.put("removed", outcome.removed());
            if (outcome.changedAnything()) {
                c.announce(outboxEvents.entryFor(new SecretariatChanged(UUID.randomUUID(), now, clusterId, c.version(),
                        c.secretariat().stream().map(m -> new SecretariatUser(m.userId(), m.username(), m.email(),
                                m.locale())).toList(), outcome.added(), outcome.removed())));
                log.info("Secretariat of cluster {} changed: {} joined, {} left", clusterId, outcome.added().size(),
                        outcome.removed().size());
            }
            return c;
        });
        audited.put("members", committed.secretariat().stream().map(SecretariatMember::userId).toList());
        audit.record(clusterId, requester, "secretariat.changed", "cluster", clusterId, change.reason(), audited);
        return committed;
    }

    /**
     * Every member gets the cluster in {@code secretariat_of} and the role; every other user the change touched
     * loses the cluster (and the role with their last cluster). Idempotent, so a takeover simply runs it again.
     * Returns the members as Keycloak describes them now (a member deleted from Keycloak meanwhile is left out).
     */
    private List<SecretariatMember> writeToKeycloak(String clusterId, SecretariatChange change) {
        List<SecretariatMember> members = new ArrayList<>();
        for (SecretariatMember member : change.target()) {
            try {
                KeycloakUser user = keycloak.addSecretariatOf(member.userId(), clusterId);
                if (!keycloak.realmRoles(user.id()).contains(Roles.SECRETARIAT)) {
                    keycloak.addRealmRole(user.id(), Roles.SECRETARIAT);
                }
                members.add(member(user));
            } catch (KeycloakUserNotFoundException gone) {
                // deleted since the appointment was asked for: nobody to appoint
                log.warn("An appointed secretariat member of cluster {} does not exist any more", clusterId);
            }
        }
        Set<String> staying = change.target().stream().map(SecretariatMember::userId).collect(Collectors.toSet());
        for (String userId : change.affectedUserIds()) {
            if (staying.contains(userId)) {
                continue;
            }
            try {
                KeycloakUser user = keycloak.removeSecretariatOf(userId, clusterId);
                if (user.secretariatOf().isEmpty() && keycloak.realmRoles(userId).contains(Roles.SECRETARIAT)) {
                    keycloak.removeRealmRole(userId, Roles.SECRETARIAT);
                }
            } catch (KeycloakUserNotFoundException gone) {
                log.info("A former secretariat member of cluster {} does not exist any more", clusterId);
            }
        }
        return members;
    }

    private static SecretariatMember member(KeycloakUser user) {
        return new SecretariatMember(user.id(), user.username(), user.email(), user.locale(), null);
    }

    // --- repair ----------------------------------------------------------------------------------------------

    @Scheduled(fixedDelayString = "${brandcluster.membership.identity-repair.interval:PT30S}",
            initialDelayString = "${brandcluster.membership.identity-repair.interval:PT30S}")
    void repairPendingChanges() {
        finishPendingChanges(clock.instant());
    }

    /**
     * Takes over and finishes every secretariat change that was interrupted (for longer than the repair interval:
     * until then a retry of the request finishes it), or is stale at that instant.
     */
    void finishPendingChanges(Instant now) {
        Query pending = Query.query(Criteria.where("pendingSecretariat").ne(null));
        for (Cluster cluster : mongo.find(pending.limit(100), Cluster.class)) {
            String changeId = UUID.randomUUID().toString();
            try {
                Optional<SecretariatChange> change = change(cluster.id(),
                        c -> c.takeOverSecretariatChange(changeId, now, repair.interval(), repair.after()));
                if (change.isPresent()) {
                    // audited as the action of the alliance officer who asked for it
                    Caller requester = new Caller(change.get().by(), null, null, Set.of(Roles.ALLIANCE_ADMIN), null,
                            Set.of());
                    finish(cluster.id(), change.get(), requester, Map.of("finishedBy", "repair-job"));
                    log.info("A pending secretariat change of cluster {} is finished", cluster.id());
                }
            } catch (RuntimeException e) {
                log.warn("A secretariat change of cluster {} stays pending: {}", cluster.id(), e.toString());
            }
        }
    }

    // --- plumbing --------------------------------------------------------------------------------------------

    private Cluster load(String clusterId) {
        return clusters.findById(clusterId).orElseThrow(() -> new ClusterNotFoundException(clusterId));
    }

    /** Pattern 1: decided on the current document, written guarded by its revision, decided again if it lost. */
    private <T> T change(String clusterId, Function<Cluster, T> change) {
        for (int attempt = 1; ; attempt++) {
            Cluster cluster = load(clusterId);
            T result = change.apply(cluster);
            try {
                clusters.save(cluster);
                return result;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("concurrent-change", "Changed concurrently",
                            "The cluster was changed by someone else at the same moment; try again.");
                }
            }
        }
    }
}
