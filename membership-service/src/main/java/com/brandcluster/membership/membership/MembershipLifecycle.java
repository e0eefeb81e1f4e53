package com.brandcluster.membership.membership;

import com.brandcluster.contracts.DomainEvent;
import com.brandcluster.membership.audit.AuditLog;
import com.brandcluster.membership.cluster.Cluster;
import com.brandcluster.membership.cluster.Clusters;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.NotFoundException;
import com.brandcluster.platform.web.UnprocessableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secretariat's changes to a membership: suspension, reinstatement, termination, renewal and tier change. Each is
 * checked against the object (the secretariat of the membership's cluster only), decided by the {@link Membership}
 * aggregate, and stored with the event that announces it in ONE document write guarded by the version that was read
 * (pattern 1: {@code @Version}, so the write only succeeds if nobody changed the membership in between, and the state
 * the aggregate checked is the state that is replaced). When somebody did, the change is decided again on the fresh
 * state: two suspensions at once give one suspension and one 409 naming the state SUSPENDED, never two events.
 */
@Service
class MembershipLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MembershipLifecycle.class);
    private static final int ATTEMPTS = 3;

    private final MembershipRepository memberships;
    private final Clusters clusters;
    private final OutboxEvents outboxEvents;
    private final AuditLog audit;
    private final MembershipProperties properties;
    private final Clock clock;

    MembershipLifecycle(MembershipRepository memberships, Clusters clusters, OutboxEvents outboxEvents, AuditLog audit,
                        MembershipProperties properties, Clock clock) {
        this.memberships = memberships;
        this.clusters = clusters;
        this.outboxEvents = outboxEvents;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The decision of one change on the loaded membership: the events it produced (none: nothing changed). */
    @FunctionalInterface
    private interface Transition {
        List<? extends DomainEvent> apply(Membership membership, Instant now, LocalDate today);
    }

    Membership suspend(String clusterId, String enterpriseId, String reason, Caller caller) {
        return change(clusterId, enterpriseId, caller, "membership.suspended", reason,
                (m, now, today) -> List.of(m.suspend(caller.subject(), reason, now)));
    }

    Membership reinstate(String clusterId, String enterpriseId, String reason, Caller caller) {
        return change(clusterId, enterpriseId, caller, "membership.reinstated", reason,
                (m, now, today) -> List.of(m.reinstate(caller.subject(), reason, today, properties.gracePeriod(),
                        now)));
    }

    Membership terminate(String clusterId, String enterpriseId, String reason, Caller caller) {
        return change(clusterId, enterpriseId, caller, "membership.terminated", reason,
                (m, now, today) -> List.of(m.terminate(caller.subject(), reason, now)));
    }

    Membership renew(String clusterId, String enterpriseId, String reason, Caller caller) {
        return change(clusterId, enterpriseId, caller, "membership.renewed", reason,
                (m, now, today) -> List.of(m.renew(caller.subject(), reason, today, now)));
    }

    Membership changeTier(String clusterId, String enterpriseId, String tier, String reason, Caller caller) {
        requireSecretariat(clusterId, caller);
        Cluster cluster = clusters.get(clusterId);
        String code = cluster.tier(tier).orElseThrow(() -> new UnprocessableException("unknown-tier", "Unknown tier",
                "Cluster '" + clusterId + "' has no tier '" + tier + "'.")).code();
        return change(clusterId, enterpriseId, caller, "membership.tier-changed", reason,
                (m, now, today) -> m.changeTier(code, caller.subject(), reason, now).stream().toList());
    }

    private Membership change(String clusterId, String enterpriseId, Caller caller, String action, String reason,
                              Transition transition) {
        requireSecretariat(clusterId, caller);
        for (int attempt = 1; ; attempt++) {
            Membership membership = memberships.findByClusterIdAndEnterpriseId(clusterId, enterpriseId)
                    .orElseThrow(() -> new NotFoundException("membership", clusterId + "/" + enterpriseId));
            Membership.Status before = membership.status();
            String tierBefore = membership.tier();
            Instant now = clock.instant();
            List<? extends DomainEvent> events = transition.apply(membership, now, MembershipAdmission.today(now));
            if (events.isEmpty()) {
                return membership;
            }
            events.forEach(event -> membership.announce(outboxEvents.entryFor(event)));
            Membership saved;
            try {
                saved = memberships.save(membership);
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("concurrent-change", "Changed concurrently",
                            "The membership was changed by someone else at the same moment; reload it and try again.");
                }
                log.debug("Membership {} changed concurrently; deciding {} again", membership.id(), action);
                continue;
            }
            audit.record(clusterId, caller, action, "membership", saved.id(), reason,
                    details(saved, before, tierBefore));
            log.info("Membership {} of cluster {}: {} ({} -> {}, version {})", saved.memberNumber(), clusterId, action,
                    before, saved.status(), saved.version());
            return saved;
        }
    }

    private static Map<String, Object> details(Membership saved, Membership.Status before, String tierBefore) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enterpriseId", saved.enterpriseId());
        details.put("memberNumber", saved.memberNumber());
        details.put("previousStatus", before.name());
        details.put("status", saved.status().name());
        if (!saved.tier().equals(tierBefore)) {
            details.put("previousTier", tierBefore);
            details.put("tier", saved.tier());
        }
        details.put("validUntil", saved.validUntil().toString());
        details.put("version", saved.version());
        return details;
    }

    private static void requireSecretariat(String clusterId, Caller caller) {
        if (!caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the secretariat of cluster '" + clusterId
                    + "' changes its memberships.");
        }
    }
}
