package com.brandcluster.membership.membership;

import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Puts memberships where a test needs them by changing their data, not the clock: the validity is moved, the rest
 * follows through the service's own code (the expiry job, the transitions). Nothing here writes history or events.
 */
public final class MembershipTestData {

    private final MongoOperations mongo;
    private final MembershipExpiry expiry;

    public MembershipTestData(ApplicationContext context) {
        this.mongo = context.getBean(MongoOperations.class);
        this.expiry = context.getBean(MembershipExpiry.class);
    }

    /** One run of the expiry job, as the scheduler would start it. */
    public void runExpiry() {
        expiry.moveExpiredMemberships();
    }

    /** The clusters' calendar day now, as the service sees it. */
    public static LocalDate today() {
        return MembershipAdmission.today(Instant.now());
    }

    public void validUntil(String clusterId, String enterpriseId, LocalDate validUntil) {
        mongo.updateFirst(of(clusterId, enterpriseId), Update.update("validUntil", validUntil), Membership.class);
    }

    public Membership membership(String clusterId, String enterpriseId) {
        return mongo.findOne(of(clusterId, enterpriseId), Membership.class);
    }

    private static Query of(String clusterId, String enterpriseId) {
        return Query.query(Criteria.where("clusterId").is(clusterId).and("enterpriseId").is(enterpriseId));
    }
}
