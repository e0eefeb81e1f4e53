package com.brandcluster.salons.membership;

import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.messaging.Projections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Flags an enterprise's bookings while its membership is not in good standing, through every {@link MemberBookings}
 * bean: SUSPENDED, LAPSED or TERMINATED flags the bookings ahead; back to ACTIVE or GRACE (reinstated, renewed)
 * clears the flags. Consumes only {@code membership.member.status-changed.v1}, on its own queue.
 * <p>
 * Events may come twice or out of order. The membership version last acted on is kept per membership
 * ({@value #COLLECTION}): an event that is not newer is ignored, so a late SUSPENDED cannot flag again after a
 * REINSTATED. The version is recorded after the bookings were changed (which is idempotent), so a failure half-way
 * leaves the event to be redelivered and done again.
 */
@Component
@RabbitListener(queues = "${brandcluster.member-bookings.queue}", id = "member-bookings")
class MemberBookingFlags {

    static final String COLLECTION = "member_booking_flags";
    private static final Logger log = LoggerFactory.getLogger(MemberBookingFlags.class);

    private final MongoOperations mongo;
    private final Projections projections;
    private final ObjectProvider<MemberBookings> bookings;
    private final Clock clock;

    MemberBookingFlags(MongoOperations mongo, Projections projections, ObjectProvider<MemberBookings> bookings,
                       Clock clock) {
        this.mongo = mongo;
        this.projections = projections;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** The membership version last acted on, and the status it had. */
    @Document(COLLECTION)
    record ActedOn(@Id String membershipId, String status, long version, Instant updatedAt) {
    }

    @RabbitHandler
    void on(MembershipStatusChanged event) {
        ActedOn last = mongo.findById(event.membershipId(), ActedOn.class);
        if (last != null && last.version() >= event.version()) {
            log.debug("Membership {} at version {} acted on already; version {} ignored", event.membershipId(),
                    last.version(), event.version());
            return;
        }
        Instant now = clock.instant();
        boolean inGoodStanding = MemberStanding.isGoodStanding(event.status());
        long changed = bookings.orderedStream().mapToLong(each -> inGoodStanding
                ? each.clearFlags(event.clusterId(), event.enterpriseId(), now)
                : each.flagFuture(event.clusterId(), event.enterpriseId(), event.status(), now)).sum();
        projections.applyIfNewer(COLLECTION, event.membershipId(), event.version(),
                new Update().set("status", event.status()).set("updatedAt", now));
        log.info("Membership {} of {} in {} now {}: {} bookings {}", event.memberNumber(), event.enterpriseId(),
                event.clusterId(), event.status(), changed, inGoodStanding ? "cleared" : "flagged");
    }
}
