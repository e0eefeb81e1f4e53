package com.brandcluster.notification.directory;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Clusters by name ("China Lighting Brand Cluster"), as notifications call them, kept from
 * {@code membership.cluster.created.v1} (a cluster's name is given at its creation only). A cluster whose creation
 * this service has not heard of (it was created before the service first ran) is called by its id.
 */
@Component
public class ClusterNames {

    private final MongoOperations mongo;

    public ClusterNames(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The cluster's name, or its id while the name is not known here. */
    public String of(String clusterId) {
        ClusterName known = mongo.findById(clusterId, ClusterName.class);
        return known == null || known.name() == null ? clusterId : known.name();
    }

    @Document(ClusterName.COLLECTION)
    record ClusterName(@Id String clusterId, String name, long version) {

        static final String COLLECTION = "directory_clusters";
    }
}
