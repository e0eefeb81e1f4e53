package com.brandcluster.membership.membership;

import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.platform.outbox.OutboxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Moves expired memberships along: ACTIVE becomes GRACE once {@code validUntil} has passed, GRACE becomes LAPSED once
 * the grace period after it is over ({@code brandcluster.membership.grace-period}).
 *
 * <p>Safe with several instances running, without a lock: every transition is decided by the aggregate on the state
 * that was read and written with its events in ONE document write guarded by the version that was read (pattern 1,
 * {@code @Version}). When two instances move the same membership, one write wins; the other finds the version gone,
 * reads the membership again, sees nothing due any more, and does nothing: one transition, one event. Running it
 * again any time is harmless for the same reason (idempotent).
 */
@Component
class MembershipExpiry {

    private static final Logger log = LoggerFactory.getLogger(MembershipExpiry.class);
    private static final int ATTEMPTS = 3;

    private final MongoOperations mongo;
    private final MembershipRepository memberships;
    private final OutboxEvents outboxEvents;
    private final MembershipProperties properties;
    private final Clock clock;

    MembershipExpiry(MongoOperations mongo, MembershipRepository memberships, OutboxEvents outboxEvents,
                     MembershipProperties properties, Clock clock) {
        this.mongo = mongo;
        this.memberships = memberships;
        this.outboxEvents = outboxEvents;
        this.properties = properties;
        this.clock = clock;
    }

    /** How many memberships one run moved to GRACE and to LAPSED. */
    record Run(int toGrace, int lapsed) {
    }

    @Scheduled(initialDelayString = "${brandcluster.membership.expiry-initial-delay:PT1M}",
            fixedDelayString = "${brandcluster.membership.expiry-interval:PT1H}")
    void scheduled() {
        try {
            moveExpiredMemberships();
        } catch (RuntimeException e) {
            log.warn("Membership expiry run failed; the next run continues", e);
        }
    }

    /** One run over every membership with an expiry step due today (in the clusters' calendar). */
    Run moveExpiredMemberships() {
        Instant now = clock.instant();
        LocalDate today = MembershipAdmission.today(now);
        Criteria due = new Criteria().orOperator(
                Criteria.where("status").is(Membership.Status.ACTIVE).and("validUntil").lt(today),
                Criteria.where("status").is(Membership.Status.GRACE).and("validUntil")
                        .lt(today.minus(properties.gracePeriod())));
        int toGrace = 0;
        int lapsed = 0;
        String after = null;
        List<Membership> page;
        do {
            Criteria next = after == null ? due : new Criteria().andOperator(due, Criteria.where("_id").gt(after));
            Query query = Query.query(next).with(Sort.by("_id")).limit(properties.batchSize());
            page = mongo.find(query, Membership.class);
            for (Membership membership : page) {
                for (MembershipStatusChanged step : moveAlong(membership, today, now)) {
                    if (step.change().equals(Membership.ChangeKind.GRACE.name())) {
                        toGrace++;
                    } else {
                        lapsed++;
                    }
                }
            }
            after = page.isEmpty() ? after : page.getLast().id();
        } while (page.size() == properties.batchSize());
        if (toGrace + lapsed > 0) {
            log.info("Membership expiry: {} entered their grace period, {} lapsed", toGrace, lapsed);
        }
        return new Run(toGrace, lapsed);
    }

    /**
     * The steps due for this membership, stored with their events in one conditional write; when the membership was
     * changed since it was read, it is read again and judged again. Returns the steps this call stored (none when
     * nothing is due, or another writer stored them first).
     */
    List<MembershipStatusChanged> moveAlong(Membership membership, LocalDate today, Instant now) {
        Membership current = membership;
        for (int attempt = 1; ; attempt++) {
            List<MembershipStatusChanged> steps = current.expire(today, properties.gracePeriod(), now);
            if (steps.isEmpty()) {
                return steps;
            }
            for (MembershipStatusChanged step : steps) {
                current.announce(outboxEvents.entryFor(step));
            }
            try {
                memberships.save(current);
                steps.forEach(step -> log.info("Membership {} of cluster {} is {} (version {})",
                        step.memberNumber(), step.clusterId(), step.status(), step.version()));
                return steps;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    log.info("Membership {} keeps changing; the next run looks at it again", current.id());
                    return List.of();
                }
                current = memberships.findById(current.id()).orElse(null);
                if (current == null) {
                    return List.of();
                }
            }
        }
    }
}
