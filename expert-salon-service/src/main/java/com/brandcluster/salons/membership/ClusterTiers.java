package com.brandcluster.salons.membership;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * What this service knows of each cluster's tiers (the {@code cluster_tiers} projection): the entitlements that
 * consultations and salons enforce. Empty answers mean the cluster or tier is not known here (yet): callers refuse
 * rather than assume an entitlement.
 */
@Component
public class ClusterTiers {

    private final MongoOperations mongo;

    ClusterTiers(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The cluster's tiers ordered by rank; empty if the cluster is not known here. */
    public List<ClusterTier> of(String clusterId) {
        return document(clusterId).map(ClusterTiersDocument::tiers).orElse(List.of()).stream()
                .sorted(java.util.Comparator.comparingInt(ClusterTier::rank))
                .toList();
    }

    /** One tier of the cluster, by its code. */
    public Optional<ClusterTier> tier(String clusterId, String tierCode) {
        return of(clusterId).stream().filter(t -> t.code().equals(tierCode)).findFirst();
    }

    /** Consultation hours per membership year of the tier; empty if the cluster or the tier is not known here. */
    public OptionalInt consultationHoursPerYear(String clusterId, String tierCode) {
        return tier(clusterId, tierCode).map(t -> OptionalInt.of(t.consultationHoursPerYear()))
                .orElse(OptionalInt.empty());
    }

    /** The cluster version the projection holds; empty if the cluster is not known here. */
    public Optional<Long> version(String clusterId) {
        return document(clusterId).map(ClusterTiersDocument::version);
    }

    private Optional<ClusterTiersDocument> document(String clusterId) {
        return Optional.ofNullable(mongo.findById(clusterId, ClusterTiersDocument.class));
    }
}
