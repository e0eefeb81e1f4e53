package com.brandcluster.platform.membership;

import com.brandcluster.contracts.membership.ClusterCreated;
import com.brandcluster.contracts.membership.ClusterTiersChanged;
import com.brandcluster.contracts.membership.TierInfo;
import com.brandcluster.platform.messaging.Projections;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.util.List;

/**
 * Keeps the cluster tiers projection from membership-service's cluster events. Both events carry the cluster's whole
 * tier list, so each replaces it in one conditional upsert by the cluster aggregate's version
 * ({@link Projections#applyIfNewer}): a redelivered or late older event changes nothing.
 */
@RabbitListener(queues = "${brandcluster.tier-entitlements.queue}", id = "tier-entitlements")
public class ClusterTiersProjector {

    private static final Logger log = LoggerFactory.getLogger(ClusterTiersProjector.class);

    private final Projections projections;
    private final MongoOperations mongo;
    private final Clock clock;

    public ClusterTiersProjector(Projections projections, MongoOperations mongo, Clock clock) {
        this.projections = projections;
        this.mongo = mongo;
        this.clock = clock;
    }

    @RabbitHandler
    public void on(ClusterCreated event) {
        apply(event.clusterId(), event.version(), event.tiers(), event.name());
    }

    @RabbitHandler
    public void on(ClusterTiersChanged event) {
        apply(event.clusterId(), event.version(), event.tiers(), null);
    }

    private void apply(String clusterId, long version, List<TierInfo> tiers, @Nullable String name) {
        // plain documents, field for field what ClusterTier is read back from, whatever an Update would add to a record
        List<Document> stored = (tiers == null ? List.<TierInfo>of() : tiers).stream()
                .map(ClusterTier::of)
                .map(tier -> new Document("code", tier.code()).append("name", tier.name())
                        .append("rank", tier.rank())
                        .append("consultationHoursPerYear", tier.consultationHoursPerYear())
                        .append("seatsPerEvent", tier.seatsPerEvent())
                        .append("assetAccessRank", tier.assetAccessRank()))
                .toList();
        Update update = new Update().set("tiers", stored).set("updatedAt", clock.instant());
        if (name != null) {
            update.set("name", name);
        }
        boolean applied = projections.applyIfNewer(ClusterTiersDocument.COLLECTION, clusterId, version, update);
        if (!applied && name != null) {
            // the creation arrived after a later tier change: its tiers are stale, but a cluster's name is only ever
            // given at creation, so it is set wherever it is still missing
            mongo.updateFirst(Query.query(Criteria.where("_id").is(clusterId).and("name").exists(false)),
                    new Update().set("name", name), ClusterTiersDocument.COLLECTION);
        }
        log.info("Tiers of cluster {} at version {}: {}", clusterId, version,
                applied ? "applied" : "already as new, ignored");
    }
}
