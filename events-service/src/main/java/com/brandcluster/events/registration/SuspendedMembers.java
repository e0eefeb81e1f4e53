package com.brandcluster.events.registration;

import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.ExchangeEvents;
import com.brandcluster.platform.messaging.Projections;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * When a membership leaves good standing (suspended, lapsed, terminated), the enterprise's registrations in that
 * cluster that are not confirmed (waitlisted, or holding an offer) go back to the secretariat's approval; an offer's
 * seats pass to the next in line. Confirmed registrations stand.
 *
 * <p>Idempotent and order-tolerant: the membership version last acted on is kept per membership
 * ({@value #COLLECTION}); an older or repeated status change is ignored. It is recorded only after the registrations
 * were moved, each move being idempotent itself, so a redelivery after a crash finishes the work.
 */
@Component
@RabbitListener(queues = "${brandcluster.events.registrations.member-status-queue}", id = "member-status")
class SuspendedMembers {

    static final String COLLECTION = "membership_status_seen";
    private static final Logger log = LoggerFactory.getLogger(SuspendedMembers.class);
    private static final Set<String> IN_GOOD_STANDING = Set.of("ACTIVE", "GRACE");
    private static final Set<Registration.Status> UNCONFIRMED =
            Set.of(Registration.Status.WAITLISTED, Registration.Status.OFFERED);

    private final RegistrationRepository registrations;
    private final ExchangeEvents events;
    private final SeatLedger seats;
    private final Announcements announcements;
    private final Waitlist waitlist;
    private final Projections projections;
    private final MongoOperations mongo;
    private final Clock clock;

    SuspendedMembers(RegistrationRepository registrations, ExchangeEvents events, SeatLedger seats,
                     Announcements announcements, Waitlist waitlist, Projections projections, MongoOperations mongo,
                     Clock clock) {
        this.registrations = registrations;
        this.events = events;
        this.seats = seats;
        this.announcements = announcements;
        this.waitlist = waitlist;
        this.projections = projections;
        this.mongo = mongo;
        this.clock = clock;
    }

    @RabbitHandler
    void on(MembershipStatusChanged change) {
        if (alreadyActedOn(change)) {
            log.debug("Membership {} version {} already seen", change.memberNumber(), change.version());
            return;
        }
        if (!IN_GOOD_STANDING.contains(change.status())) {
            String reason = Admissions.membershipReason(change.status());
            int moved = 0;
            for (Registration registration : registrations.findByClusterIdAndEnterpriseIdAndStatusIn(
                    change.clusterId(), change.enterpriseId(), UNCONFIRMED)) {
                moved += toApproval(registration.id(), reason) ? 1 : 0;
            }
            log.info("Membership {} now {}: {} unconfirmed registrations back to approval", change.memberNumber(),
                    change.status(), moved);
        }
        projections.applyIfNewer(COLLECTION, change.membershipId(), change.version(),
                new Update().set("status", change.status()).set("clusterId", change.clusterId())
                        .set("enterpriseId", change.enterpriseId()));
    }

    private boolean alreadyActedOn(MembershipStatusChanged change) {
        Document seen = mongo.findById(change.membershipId(), Document.class, COLLECTION);
        return seen != null && seen.get(Projections.VERSION_FIELD, Number.class).longValue() >= change.version();
    }

    private boolean toApproval(String registrationId, String reason) {
        return registrations.changeOnItsOwn(registrationId, registration -> {
            ExchangeEvent event = events.get(registration.exchangeEventId());
            Instant now = clock.instant();
            if (event.hasStarted(now) || !registration.returnToApproval(reason, now)) {
                return false;
            }
            announcements.stateEntered(registration, event, now);
            return true;
        }).map(moved -> {
            if (moved.before().holdsSeats()) {
                String eventId = moved.registration().exchangeEventId();
                seats.releaseEventSeats(eventId, moved.registration().seats());
                waitlist.offerFreedSeats(eventId);
            }
            return true;
        }).orElse(false);
    }
}
