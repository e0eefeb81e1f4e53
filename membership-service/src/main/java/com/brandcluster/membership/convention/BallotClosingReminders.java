package com.brandcluster.membership.convention;

import com.brandcluster.contracts.membership.ConventionBallotClosingSoon;
import com.brandcluster.platform.outbox.OutboxCarrier;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Announces, once per ballot and {@code closingSoonLead} (24 hours) before its closing time, which enterprises of the
 * electorate have not voted yet ({@link ConventionBallotClosingSoon}), so that notification-service reminds them.
 * A ballot opened less than the lead time before it closes is not announced: its opening was the reminder.
 *
 * <p>Pattern 1 by a conditional update, as expert-salon-service's booking reminders: one write records the closing
 * time announced in {@code closingSoonFor}, appends the change to the history, pushes the event onto the convention's
 * outbox and bumps {@code revision}, guarded by the revision that was read, the BALLOT status and
 * {@code closingSoonFor} not being set yet. Several instances, overlapping rounds or a round after a restart find the
 * guard gone: one event per ballot. A vote or tally saved meanwhile fails on the revision rather than being lost,
 * and the next round looks again. Open ballots are few (at most one per cluster), so one round reads them all.
 */
@Component
class BallotClosingReminders {

    /** The actor of the announcement in the convention's history. */
    static final String BY = "system:ballot-closing-reminder";
    private static final Logger log = LoggerFactory.getLogger(BallotClosingReminders.class);

    private final MongoOperations mongo;
    private final OutboxEvents outboxEvents;
    private final ObjectProvider<OutboxRelay> relay;
    private final ConventionProperties properties;
    private final Clock clock;

    BallotClosingReminders(MongoOperations mongo, OutboxEvents outboxEvents, ObjectProvider<OutboxRelay> relay,
                           ConventionProperties properties, Clock clock) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${brandcluster.membership.conventions.closing-soon-interval:PT5M}",
            fixedDelayString = "${brandcluster.membership.conventions.closing-soon-interval:PT5M}")
    void scheduled() {
        try {
            announce();
        } catch (RuntimeException e) {
            log.warn("Announcing ballots closing soon failed; the next round tries again", e);
        }
    }

    /** One round as of the clock; returns how many ballots this round announced. */
    int announce() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("status").is(Convention.Status.BALLOT)
                        .and("ballot.closesAt").gt(now).lte(now.plus(properties.closingSoonLead()))
                        .and("closingSoonFor").is(null))
                .with(Sort.by("ballot.closesAt", "_id"));
        int announced = 0;
        for (Convention convention : mongo.find(due, Convention.class)) {
            Convention.Ballot ballot = convention.ballot();
            if (ballot.openedAt().isAfter(ballot.closesAt().minus(properties.closingSoonLead()))) {
                continue; // opened within the lead time: never announced
            }
            announced += announce(convention, now) ? 1 : 0;
        }
        if (announced > 0) {
            relay.ifAvailable(OutboxRelay::wakeUp); // queued by updates, not saves: nothing woke the relay
        }
        return announced;
    }

    private boolean announce(Convention convention, Instant now) {
        Convention.Ballot ballot = convention.ballot();
        List<String> notVoted = notVoted(convention);
        Query unchanged = Query.query(Criteria.where("_id").is(convention.id())
                .and("revision").is(convention.revision()).and("status").is(Convention.Status.BALLOT)
                .and("closingSoonFor").is(null));
        Update announcement = new Update().set("closingSoonFor", ballot.closesAt()).inc("revision", 1);
        if (!notVoted.isEmpty()) {
            long version = convention.version() + 1; // the history entry below is the change it announces
            announcement.push("history", new Convention.Change("ballot-closing-soon", Convention.Status.BALLOT, now,
                            BY))
                    .push(OutboxCarrier.FIELD, outboxEvents.entryFor(new ConventionBallotClosingSoon(
                            UUID.randomUUID(), now, convention.clusterId(), version, convention.id(),
                            convention.number(), convention.title(), ballot.closesAt(), notVoted)));
        }
        if (mongo.updateFirst(unchanged, announcement, Convention.class).getModifiedCount() != 1) {
            log.debug("Ballot on convention {} announced or changed meanwhile; the next round looks again",
                    convention.id());
            return false;
        }
        log.info("Ballot on convention {} of cluster {} closes at {}: {} of {} enterprises have not voted",
                convention.id(), convention.clusterId(), ballot.closesAt(), notVoted.size(),
                ballot.electorate().size());
        return !notVoted.isEmpty();
    }

    /** The enterprises of the electorate without a vote cast, in the electorate's order. */
    private List<String> notVoted(Convention convention) {
        Set<String> voted = new HashSet<>();
        for (ConventionVote vote : mongo.find(Query.query(Criteria.where("conventionId").is(convention.id())
                .and("choice").ne(null)), ConventionVote.class)) {
            voted.add(vote.enterpriseId());
        }
        return convention.ballot().electorate().stream().filter(enterprise -> !voted.contains(enterprise)).toList();
    }
}
