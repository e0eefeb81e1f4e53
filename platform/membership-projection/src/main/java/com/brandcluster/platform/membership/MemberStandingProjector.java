package com.brandcluster.platform.membership;

import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MemberSnapshot;
import com.brandcluster.contracts.membership.MemberTierChanged;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.platform.messaging.Projections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;

import java.time.Clock;

/**
 * Applies membership events to the standing projection. Each write is conditional on the event's version being newer
 * than the one applied (one conditional upsert), so a duplicate changes nothing and an older event arriving late
 * cannot overwrite a newer state.
 */
@RabbitListener(queues = "${brandcluster.member-standing.queue}", id = "member-standing")
public class MemberStandingProjector {

    private static final Logger log = LoggerFactory.getLogger(MemberStandingProjector.class);

    private final Projections projections;
    private final MongoOperations mongo;
    private final Clock clock;

    public MemberStandingProjector(Projections projections, MongoOperations mongo, Clock clock) {
        this.projections = projections;
        this.mongo = mongo;
        this.clock = clock;
    }

    @RabbitHandler
    public void on(MemberAdmitted event) {
        boolean applied = projections.applyIfNewer(MemberStanding.COLLECTION, event.membershipId(), event.version(),
                identity(event.clusterId(), event.enterpriseId(), event.memberNumber())
                        .set("enterpriseName", event.enterpriseName())
                        .set("validFrom", event.validFrom())
                        .set("tier", event.tier())
                        .set("status", MemberStanding.ACTIVE)
                        .set("validUntil", event.validUntil())
                        .set("updatedAt", clock.instant()));
        if (!applied) {
            // A later change overtook the admission: fill in what only the admission carries, leave the rest.
            mongo.updateFirst(Query.query(Criteria.where("_id").is(event.membershipId()).and("tier").exists(false)),
                    new Update().set("enterpriseName", event.enterpriseName()).set("validFrom", event.validFrom())
                            .set("tier", event.tier()),
                    MemberStanding.COLLECTION);
        }
        log.info("Membership {} admitted in {}: {}", event.memberNumber(), event.clusterId(),
                applied ? "applied" : "already newer, ignored");
    }

    @RabbitHandler
    public void on(MembershipStatusChanged event) {
        boolean applied = projections.applyIfNewer(MemberStanding.COLLECTION, event.membershipId(), event.version(),
                identity(event.clusterId(), event.enterpriseId(), event.memberNumber())
                        .set("status", event.status())
                        .set("validUntil", event.validUntil())
                        .set("updatedAt", clock.instant()));
        log.info("Membership {} now {} (version {}): {}", event.memberNumber(), event.status(), event.version(),
                applied ? "applied" : "already newer, ignored");
    }

    @RabbitHandler
    public void on(MemberTierChanged event) {
        boolean applied = projections.applyIfNewer(MemberStanding.COLLECTION, event.membershipId(), event.version(),
                identity(event.clusterId(), event.enterpriseId(), event.memberNumber())
                        .set("tier", event.tier())
                        .set("updatedAt", clock.instant()));
        log.info("Membership {} now in tier {} (version {}): {}", event.memberNumber(), event.tier(), event.version(),
                applied ? "applied" : "already newer, ignored");
    }

    /** A snapshot carries the whole state: applied like any change, by its version (a rebuild after damage). */
    @RabbitHandler
    public void on(MemberSnapshot event) {
        boolean applied = projections.applyIfNewer(MemberStanding.COLLECTION, event.membershipId(), event.version(),
                identity(event.clusterId(), event.enterpriseId(), event.memberNumber())
                        .set("enterpriseName", event.enterpriseName())
                        .set("tier", event.tier())
                        .set("status", event.status())
                        .set("validFrom", event.validFrom())
                        .set("validUntil", event.validUntil())
                        .set("updatedAt", clock.instant()));
        log.info("Membership {} snapshot at version {}: {}", event.memberNumber(), event.version(),
                applied ? "applied" : "already as new, ignored");
    }

    private static Update identity(String clusterId, String enterpriseId, String memberNumber) {
        return new Update().set("clusterId", clusterId).set("enterpriseId", enterpriseId)
                .set("memberNumber", memberNumber);
    }
}
