package com.brandcluster.membership.convention;

import com.brandcluster.membership.membership.Membership;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Members record that they accept the current convention; the secretariat sees who has and who has not. */
@Service
class Acceptances {

    private static final Logger log = LoggerFactory.getLogger(Acceptances.class);

    private final ConventionAccess access;
    private final MongoOperations mongo;
    private final Clock clock;

    Acceptances(ConventionAccess access, MongoOperations mongo, Clock clock) {
        this.access = access;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Any user acting for an enterprise ACTIVE in the cluster accepts the current version for it, once. */
    ConventionAcceptance accept(String conventionId, Caller caller) {
        String enterpriseId = access.actingEnterprise(caller, "accepts a convention");
        Convention convention = access.load(conventionId);
        Membership membership = access.activeMembership(convention.clusterId(), enterpriseId)
                .orElseThrow(() -> new ForbiddenException("Only the ACTIVE members of cluster '"
                        + convention.clusterId() + "' accept its convention."));
        convention.checkAcceptable();
        ConventionAcceptance acceptance = new ConventionAcceptance(ConventionAcceptance.key(conventionId, enterpriseId),
                conventionId, convention.clusterId(), convention.number(), enterpriseId, membership.enterpriseName(),
                clock.instant(), caller.subject());
        try {
            ConventionAcceptance saved = mongo.insert(acceptance);
            log.info("Enterprise {} accepted convention {} of cluster {}", enterpriseId, conventionId,
                    convention.clusterId());
            return saved;
        } catch (DuplicateKeyException e) {
            ConventionAcceptance existing = mongo.findById(acceptance.id(), ConventionAcceptance.class);
            ConventionConflict conflict = new ConventionConflict("convention-accepted-already", "Accepted already",
                    "The enterprise accepted version " + convention.number() + " of this convention already.");
            throw existing == null ? conflict : conflict.with("acceptedAt", existing.acceptedAt().toString());
        }
    }

    /** Who accepted this version, and which ACTIVE members have not (yet). */
    Report report(String conventionId, Caller caller) {
        Convention convention = access.load(conventionId);
        access.requireSecretariat(convention.clusterId(), caller, "follows the acceptance of its convention");
        List<ConventionAcceptance> accepted = mongo.find(Query.query(Criteria.where("conventionId").is(conventionId))
                .with(Sort.by("acceptedAt", "_id")), ConventionAcceptance.class);
        Set<String> acceptedBy = accepted.stream().map(ConventionAcceptance::enterpriseId).collect(Collectors.toSet());
        List<Membership> notAccepted = access.activeMembers(convention.clusterId()).stream()
                .filter(m -> !acceptedBy.contains(m.enterpriseId())).toList();
        return new Report(convention, accepted, notAccepted);
    }

    record Report(Convention convention, List<ConventionAcceptance> accepted, List<Membership> notAccepted) {
    }
}
