package com.brandcluster.membership.convention;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One enterprise's vote in one ballot. Pattern 2 (a claim document with a unique key): the id is
 * {@code conventionId/enterpriseId}, and a vote is an upsert on it, so two votes of the same enterprise arriving at
 * once leave one vote (the later write wins). The tally first seals the document of every enterprise of the
 * electorate ({@code sealed}, creating empty ones for those that did not vote); an upsert only matches an unsealed
 * document, so a vote still in flight when the ballot is counted either lands before the seal (and is counted) or
 * is refused. Never exposed except to the enterprise that cast it.
 *
 * @param choice  null in a sealed document of an enterprise that did not vote
 * @param changes how many times the enterprise cast or changed its vote
 */
@Document("convention_votes")
record ConventionVote(@Id String id, @Indexed String conventionId, String clusterId, String enterpriseId,
                      Choice choice, Instant castAt, String castBy, Integer changes, Boolean sealed) {

    enum Choice { FOR, AGAINST, ABSTAIN }

    static String key(String conventionId, String enterpriseId) {
        return conventionId + "/" + enterpriseId;
    }

    boolean isSealed() {
        return Boolean.TRUE.equals(sealed);
    }
}
