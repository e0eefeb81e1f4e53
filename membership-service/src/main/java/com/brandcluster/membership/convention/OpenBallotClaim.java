package com.brandcluster.membership.convention;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Pattern 2 (a claim document with a unique key): at most one open ballot per cluster. The claim, keyed by the cluster
 * id, is inserted before the convention goes to BALLOT and deleted when its tally is stored. A claim whose convention
 * never reached BALLOT (the process died between the two writes) or was tallied already is stale and is taken over.
 */
@Document("open_ballot_claims")
record OpenBallotClaim(@Id String clusterId, String conventionId, Instant claimedAt) {
}
