package com.brandcluster.membership.convention;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A member enterprise's acceptance of an adopted convention version. Pattern 2: the id is
 * {@code conventionId/enterpriseId}, inserted once, so an enterprise accepts a version once whatever the concurrency.
 */
@Document("convention_acceptances")
record ConventionAcceptance(@Id String id, @Indexed String conventionId, String clusterId, int conventionVersion,
                            String enterpriseId, String enterpriseName, Instant acceptedAt, String acceptedBy) {

    static String key(String conventionId, String enterpriseId) {
        return conventionId + "/" + enterpriseId;
    }
}
