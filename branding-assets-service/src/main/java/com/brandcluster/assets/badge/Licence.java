package com.brandcluster.assets.badge;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * The licence a member's badge carries: one per membership (a unique index on cluster and enterprise), its id
 * unguessable (160 random bits) so that nobody can enumerate licences or forge a badge that checks out. Whether it
 * is valid is never stored: it is read from the membership's live standing at each check.
 */
@Document(Licence.COLLECTION)
@CompoundIndex(name = "membership", def = "{'clusterId': 1, 'enterpriseId': 1}", unique = true)
record Licence(@Id String id, String clusterId, String enterpriseId, String enterpriseName, String memberNumber,
               Instant issuedAt) {

    static final String COLLECTION = "licences";
}
