package com.brandcluster.salons.matching;

import com.brandcluster.platform.web.UnprocessableException;

import java.util.List;

/** 422: needs may name only clusters the enterprise is a member of in good standing (ACTIVE or GRACE). */
class NotAMemberOfClustersException extends UnprocessableException {

    NotAMemberOfClustersException(List<String> clusters) {
        super("not-a-member-of-cluster", "Not a member of the cluster",
                "The enterprise is not a member in good standing of " + String.join(", ", clusters)
                        + "; needs name only clusters it is an ACTIVE or GRACE member of.");
        withProperty("clusters", List.copyOf(clusters));
    }
}
