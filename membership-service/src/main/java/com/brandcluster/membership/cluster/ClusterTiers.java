package com.brandcluster.membership.cluster;

import com.brandcluster.contracts.membership.ClusterTiersChanged;
import com.brandcluster.membership.audit.AuditLog;
import com.brandcluster.membership.membership.Membership;
import com.brandcluster.membership.membership.MembershipAdmission;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The cluster's secretariat replaces its tiers. The new list and its {@code membership.cluster.tiers-changed.v1} are
 * written in one write guarded by the revision the request read (pattern 1): of two concurrent edits the second is
 * a 409, never a silent overwrite. (A separate service from {@link Clusters}, which the membership side may use,
 * because it reads the memberships.)
 */
@Service
class ClusterTiers {

    private static final Logger log = LoggerFactory.getLogger(ClusterTiers.class);

    private final ClusterRepository clusters;
    private final MembershipAdmission memberships;
    private final OutboxEvents outboxEvents;
    private final AuditLog audit;
    private final Clock clock;

    ClusterTiers(ClusterRepository clusters, MembershipAdmission memberships, OutboxEvents outboxEvents,
                 AuditLog audit, Clock clock) {
        this.clusters = clusters;
        this.memberships = memberships;
        this.outboxEvents = outboxEvents;
        this.audit = audit;
        this.clock = clock;
    }

    Cluster replace(String clusterId, ClusterRequests.TiersUpdate request, Caller caller) {
        if (!caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the secretariat of cluster '" + clusterId + "' edits its tiers.");
        }
        Cluster cluster = clusters.findById(clusterId).orElseThrow(() -> new ClusterNotFoundException(clusterId));
        List<String> before = cluster.tiers().stream().map(Tier::code).toList();
        List<Tier> tiers = request.tiers().stream().map(ClusterRequests.TierInput::toTier).toList();
        if (!cluster.replaceTiers(tiers, tiersHeld(clusterId))) {
            return cluster;
        }
        Instant now = clock.instant();
        cluster.announce(outboxEvents.entryFor(new ClusterTiersChanged(UUID.randomUUID(), now, clusterId,
                cluster.version(), cluster.tiers().stream().map(Tier::toInfo).toList())));
        Cluster saved;
        try {
            saved = clusters.save(cluster);
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("concurrent-change", "Changed concurrently",
                    "The cluster was changed by someone else at the same moment; reload it and try again.");
        }
        List<String> after = saved.tiers().stream().map(Tier::code).toList();
        audit.record(clusterId, caller, "cluster.tiers-changed", "cluster", clusterId, request.reason(),
                Map.of("tiers", after, "removed", before.stream().filter(c -> !after.contains(c)).toList()));
        log.info("Tiers of cluster {} changed", clusterId);
        return saved;
    }

    /** The tiers that memberships of the cluster hold (a terminated membership holds none). */
    private Set<String> tiersHeld(String clusterId) {
        return memberships.ofCluster(clusterId).stream()
                .filter(m -> m.status() != Membership.Status.TERMINATED)
                .map(Membership::tier)
                .collect(Collectors.toSet());
    }
}
