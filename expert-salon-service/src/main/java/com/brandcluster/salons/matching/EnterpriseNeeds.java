package com.brandcluster.salons.matching;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import com.mongodb.client.result.UpdateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An enterprise states what it needs help with, and reads it back. Needs belong to the enterprise the caller acts
 * for (there is no enterprise id in the path, so no other enterprise's needs can be addressed at all).
 */
@Service
class EnterpriseNeeds {

    private static final Logger log = LoggerFactory.getLogger(EnterpriseNeeds.class);

    private final MongoOperations mongo;
    private final MemberClusters memberClusters;
    private final Clock clock;

    EnterpriseNeeds(MongoOperations mongo, MemberClusters memberClusters, Clock clock) {
        this.mongo = mongo;
        this.memberClusters = memberClusters;
        this.clock = clock;
    }

    /** The statement as stored, and whether it is the enterprise's first one. */
    record Stated(Needs needs, boolean first) {
    }

    /**
     * Replaces the enterprise's needs whole (the last write wins, as a PUT of the whole statement means). One
     * aggregate, one document (pattern 1), keyed by the enterprise's id: an upsert by that key, so concurrent first
     * statements leave one document and exactly one of them reports the creation.
     */
    Stated state(NeedsRequests.NeedsInput input, Caller caller) {
        String enterpriseId = enterpriseOf(caller, "states");
        // BSON dates hold milliseconds: the answer shows the time as it will be read back
        Needs needs = new Needs(enterpriseId, input.topics(), input.description(), input.languages(),
                input.clusters(), caller.subject(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        memberClusters.requireGoodStanding(needs.clusters(), enterpriseId);
        Query byEnterprise = Query.query(Criteria.where("_id").is(enterpriseId));
        UpdateResult result;
        try {
            result = mongo.replace(byEnterprise, needs, ReplaceOptions.replaceOptions().upsert());
        } catch (DuplicateKeyException concurrentFirst) {
            // another first statement was inserted between this upsert's match and its insert: replace that one
            result = mongo.replace(byEnterprise, needs);
        }
        boolean first = result.getUpsertedId() != null;
        log.info("Enterprise {} {} its needs", enterpriseId, first ? "stated" : "restated");
        return new Stated(needs, first);
    }

    /** The enterprise's needs; 404 {@code needs-not-stated} when it has stated none. */
    Needs of(Caller caller) {
        String enterpriseId = enterpriseOf(caller, "reads");
        return find(enterpriseId).orElseThrow(() -> NeedsNotStatedException.onRead(enterpriseId));
    }

    Optional<Needs> find(String enterpriseId) {
        return Optional.ofNullable(mongo.findById(enterpriseId, Needs.class));
    }

    /** The enterprise the caller acts for; experts, secretariats and users without an enterprise are refused. */
    static String enterpriseOf(Caller caller, String verb) {
        return caller.enterprise().orElseThrow(() -> new ForbiddenException(
                "Only a user acting for an enterprise " + verb + " its needs and matches."));
    }
}
