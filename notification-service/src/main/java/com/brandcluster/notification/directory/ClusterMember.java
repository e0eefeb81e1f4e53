package com.brandcluster.notification.directory;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An enterprise's membership of a cluster, as membership-service's member events leave it: who the members of a
 * cluster are, for what concerns them all (a new exchange event). One document per membership, changed only by a
 * newer membership version (the projections' version rule).
 */
@Document(ClusterMember.COLLECTION)
@CompoundIndex(name = "cluster_status", def = "{'clusterId': 1, 'status': 1}")
record ClusterMember(@Id String membershipId, String clusterId, String enterpriseId, String status, long version) {

    static final String COLLECTION = "directory_cluster_members";
}
