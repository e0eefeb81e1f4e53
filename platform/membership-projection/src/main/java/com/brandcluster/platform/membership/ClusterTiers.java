package com.brandcluster.platform.membership;

import org.springframework.data.mongodb.core.MongoOperations;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

/**
 * Reads the local projection of each cluster's name, tiers and their benefits. An empty answer means the cluster or the tier
 * is not known here (yet): callers refuse, or ask again later, rather than assume an entitlement.
 */
public class ClusterTiers {

    private final MongoOperations mongo;

    public ClusterTiers(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The cluster's tiers, most junior first; empty if the cluster is not known here. */
    public List<ClusterTier> of(String clusterId) {
        return document(clusterId).map(ClusterTiersDocument::tiers).orElse(List.of()).stream()
                .sorted(Comparator.comparingInt(ClusterTier::rank))
                .toList();
    }

    /** One tier of the cluster, by its code. */
    public Optional<ClusterTier> tier(String clusterId, String tierCode) {
        return of(clusterId).stream().filter(tier -> tier.code().equals(tierCode)).findFirst();
    }

    public OptionalInt consultationHoursPerYear(String clusterId, String tierCode) {
        return benefit(clusterId, tierCode, ClusterTier::consultationHoursPerYear);
    }

    public OptionalInt seatsPerEvent(String clusterId, String tierCode) {
        return benefit(clusterId, tierCode, ClusterTier::seatsPerEvent);
    }

    public OptionalInt assetAccessRank(String clusterId, String tierCode) {
        return benefit(clusterId, tierCode, ClusterTier::assetAccessRank);
    }

    /** The cluster's name ("China Lighting Brand Cluster"); empty if the cluster is not known here. */
    public Optional<String> name(String clusterId) {
        return document(clusterId).map(ClusterTiersDocument::name);
    }

    /** The cluster version the projection holds; empty if the cluster is not known here. */
    public Optional<Long> version(String clusterId) {
        return document(clusterId).map(ClusterTiersDocument::version);
    }

    private OptionalInt benefit(String clusterId, String tierCode, ToIntFunction<ClusterTier> benefit) {
        return tier(clusterId, tierCode).map(tier -> OptionalInt.of(benefit.applyAsInt(tier)))
                .orElse(OptionalInt.empty());
    }

    private Optional<ClusterTiersDocument> document(String clusterId) {
        return Optional.ofNullable(mongo.findById(clusterId, ClusterTiersDocument.class));
    }
}
