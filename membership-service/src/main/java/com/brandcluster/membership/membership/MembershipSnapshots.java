package com.brandcluster.membership.membership;

import com.brandcluster.contracts.membership.MemberSnapshot;
import com.brandcluster.membership.audit.AuditLog;
import com.brandcluster.membership.cluster.Clusters;
import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.outbox.OutboxRelay;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Projection rebuild: re-publishes the current state of every membership of a cluster as
 * {@code membership.member.snapshot.v1}, so that a new or damaged consumer projection can be rebuilt. Operated by the
 * alliance office, which runs the platform.
 *
 * <p>Each snapshot carries the membership's CURRENT version and goes out through the membership's own outbox: one
 * conditional write per membership ({@code $push} of the outbox entry, filtered by the document's revision that was
 * read) that changes neither the state, nor the history, nor the aggregate version. Consumers apply an event only
 * when it is newer than what they hold, so a snapshot fills in a missing or older projection and leaves a current one
 * alone. The write does advance the document's revision (its optimistic-locking token, not the aggregate version), so
 * that a secretariat change racing with it cannot silently write the outbox back without the snapshot: that change
 * fails its version check and is decided again on the fresh document.
 */
@Service
class MembershipSnapshots {

    private static final Logger log = LoggerFactory.getLogger(MembershipSnapshots.class);
    private static final int ATTEMPTS = 3;

    private final MongoOperations mongo;
    private final Clusters clusters;
    private final OutboxEvents outboxEvents;
    private final ObjectProvider<OutboxRelay> relay;
    private final AuditLog audit;
    private final MembershipProperties properties;
    private final Clock clock;

    MembershipSnapshots(MongoOperations mongo, Clusters clusters, OutboxEvents outboxEvents,
                        ObjectProvider<OutboxRelay> relay, AuditLog audit, MembershipProperties properties,
                        Clock clock) {
        this.mongo = mongo;
        this.clusters = clusters;
        this.outboxEvents = outboxEvents;
        this.relay = relay;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues a snapshot of every membership of the cluster; returns how many. */
    int publish(String clusterId, Caller caller) {
        if (!caller.isAllianceAdmin()) {
            throw new ForbiddenException("Only the alliance office re-publishes membership snapshots.");
        }
        clusters.get(clusterId);
        int published = 0;
        String after = null;
        List<Membership> page;
        do {
            Criteria ofCluster = Criteria.where("clusterId").is(clusterId);
            Query query = Query.query(after == null ? ofCluster : ofCluster.and("_id").gt(after))
                    .with(Sort.by("_id")).limit(properties.batchSize());
            page = mongo.find(query, Membership.class);
            for (Membership membership : page) {
                if (snapshot(membership)) {
                    published++;
                }
            }
            after = page.isEmpty() ? after : page.getLast().id();
        } while (page.size() == properties.batchSize());
        relay.ifAvailable(OutboxRelay::wakeUp);
        audit.record(clusterId, caller, "membership.snapshots-published", "cluster", clusterId, null,
                Map.of("snapshots", published));
        log.info("{} membership snapshots of cluster {} queued for publication", published, clusterId);
        return published;
    }

    private boolean snapshot(Membership read) {
        Membership membership = read;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            MemberSnapshot snapshot = membership.snapshot(clock.instant());
            Query unchanged = Query.query(Criteria.where("_id").is(membership.id())
                    .and("revision").is(membership.revision()));
            Update queue = new Update().push(OutboxCarrier.FIELD, outboxEvents.entryFor(snapshot)).inc("revision", 1);
            if (mongo.updateFirst(unchanged, queue, Membership.class).getModifiedCount() == 1) {
                return true;
            }
            membership = mongo.findById(membership.id(), Membership.class);
            if (membership == null) {
                return false;
            }
        }
        log.warn("Membership {} kept changing; no snapshot queued (its own change events carry its state)",
                read.id());
        return false;
    }
}
