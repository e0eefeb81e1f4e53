package com.brandcluster.platform.membership;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * This service's copy of one cluster's name and tiers, kept by {@link ClusterTiersProjector}. {@code version} is the cluster
 * aggregate's version last applied (a plain long, as {@code Projections.applyIfNewer} requires).
 */
@Document(ClusterTiersDocument.COLLECTION)
record ClusterTiersDocument(@Id String clusterId, String name, List<ClusterTier> tiers, long version, Instant updatedAt) {

    static final String COLLECTION = "cluster_tiers";
}
