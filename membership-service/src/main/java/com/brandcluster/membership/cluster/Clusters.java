package com.brandcluster.membership.cluster;

import com.brandcluster.contracts.membership.ClusterCreated;
import com.brandcluster.membership.audit.AuditLog;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Founding and reading clusters. Only the alliance office founds a cluster; the cluster and its
 * {@code membership.cluster.created.v1} are inserted in one write (pattern 1).
 */
@Service
public class Clusters {

    private static final Logger log = LoggerFactory.getLogger(Clusters.class);

    private final ClusterRepository clusters;
    private final OutboxEvents outboxEvents;
    private final AuditLog audit;
    private final Clock clock;

    Clusters(ClusterRepository clusters, OutboxEvents outboxEvents, AuditLog audit, Clock clock) {
        this.clusters = clusters;
        this.outboxEvents = outboxEvents;
        this.audit = audit;
        this.clock = clock;
    }

    Cluster found(ClusterRequests.Create request, Caller caller) {
        if (!caller.isAllianceAdmin()) {
            throw new ForbiddenException("Only the alliance office founds clusters.");
        }
        List<Tier> tiers = request.tiers().stream().map(ClusterRequests.TierInput::toTier).toList();
        String prefix = request.memberNumberPrefix() != null ? request.memberNumberPrefix()
                : defaultPrefix(request.id());
        Instant now = clock.instant();
        Cluster cluster = new Cluster(request.id(), request.name(), request.industry(), request.region(),
                request.description(), request.foundedOn(), prefix, tiers, now, caller.subject());
        cluster.announce(outboxEvents.entryFor(new ClusterCreated(UUID.randomUUID(), now, cluster.id(),
                cluster.version(), cluster.name(), cluster.industry(), cluster.region(), cluster.status().name(),
                cluster.memberNumberPrefix(), cluster.tiers().stream().map(Tier::toInfo).toList())));
        try {
            clusters.insert(cluster);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("cluster-exists", "Cluster exists",
                    "A cluster with the id '" + request.id() + "' exists already.");
        }
        audit.record(cluster.id(), caller, "cluster.founded", "cluster", cluster.id(), null,
                Map.of("name", cluster.name(), "tiers", cluster.tiers().stream().map(Tier::code).toList()));
        log.info("Cluster {} founded", cluster.id());
        return cluster;
    }

    public Cluster get(String clusterId) {
        return clusters.findById(clusterId).orElseThrow(() -> new ClusterNotFoundException(clusterId));
    }

    List<Cluster> all() {
        return clusters.findAll();
    }

    /** {@code lighting} becomes {@code LIGHT}, {@code coking-coal} becomes {@code COKIN}. */
    static String defaultPrefix(String slug) {
        String letters = slug.replaceAll("[^a-z0-9]", "").toUpperCase(Locale.ROOT);
        return letters.substring(0, Math.min(5, letters.length()));
    }
}
