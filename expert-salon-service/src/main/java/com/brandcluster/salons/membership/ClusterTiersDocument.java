package com.brandcluster.salons.membership;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's copy of a cluster's tiers ({@code cluster_tiers}), one document per cluster, kept by
 * {@link ClusterTiersProjector}. {@code version} is the cluster aggregate's version last applied (plain long, as
 * {@code Projections.applyIfNewer} requires).
 */
@Document(ClusterTiersDocument.COLLECTION)
record ClusterTiersDocument(@Id String clusterId, List<ClusterTier> tiers, long version, Instant updatedAt) {

    static final String COLLECTION = "cluster_tiers";
}
