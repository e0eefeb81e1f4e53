package com.brandcluster.membership.application;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Pattern 2 (a claim document with a unique key): at most one open application per enterprise and cluster. The claim
 * is inserted before the application and deleted when the application is decided or withdrawn.
 */
@Document("open_application_claims")
record OpenApplicationClaim(@Id String key, String applicationId, Instant claimedAt) {

    static String key(String clusterId, String enterpriseId) {
        return clusterId + "/" + enterpriseId;
    }
}
