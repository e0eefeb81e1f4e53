package com.brandcluster.salons.membership;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.bson.Document;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.brandcluster.contracts.membership.ClusterCreated;
import com.brandcluster.contracts.membership.ClusterTiersChanged;
import com.brandcluster.contracts.membership.TierInfo;
import com.brandcluster.platform.messaging.Projections;

/**
 * Keeps {@code cluster_tiers} from membership-service's cluster events. Both events carry the cluster's whole tier
 * list, so each replaces it, in one conditional upsert by the cluster aggregate's version
 * ({@link Projections#applyIfNewer}): a redelivered or late older event changes nothing.
 */
@Component
@RabbitListener(queues = "${brandcluster.cluster-tiers.queue}", id = "cluster-tiers")
class ClusterTiersProjector {

    private static final Logger log = LoggerFactory.getLogger(ClusterTiersProjector.class);

    private final Projections projections;
    private final Clock clock;

    ClusterTiersProjector(Projections projections, Clock clock) {
        this.projections = projections;
        this.clock = clock;
    }

    @RabbitHandler
    void on(ClusterCreated event) {
        apply(event.clusterId(), event.version(), event.tiers());
    }

    @RabbitHandler
    void on(ClusterTiersChanged event) {
        apply(event.clusterId(), event.version(), event.tiers());
    }

    private void apply(String clusterId, long version, List<TierInfo> tiers) {
        List<Document> stored = (tiers == null ? List.<TierInfo>of() : tiers).stream()
                .map(ClusterTier::of)
                .map(ClusterTiersProjector::document)
                .toList();
        boolean applied = projections.applyIfNewer(ClusterTiersDocument.COLLECTION, clusterId, version,
                new Update().set("tiers", stored).set("updatedAt", clock.instant()));
        log.info("Tiers of cluster {} at version {}: {}", clusterId, version,
                applied ? "applied" : "already as new, ignored");
    }

    private static Document document(ClusterTier tier) {
        return new Document("code", tier.code()).append("name", tier.name()).append("rank", tier.rank())
                .append("consultationHoursPerYear", tier.consultationHoursPerYear())
                .append("seatsPerEvent", tier.seatsPerEvent())
                .append("assetAccessRank", tier.assetAccessRank());
    }
}
