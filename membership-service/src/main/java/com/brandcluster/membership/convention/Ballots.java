package com.brandcluster.membership.convention;

import com.brandcluster.contracts.membership.ConventionAdopted;
import com.brandcluster.contracts.membership.ConventionBallotOpened;
import com.brandcluster.contracts.membership.ConventionRejected;
import com.brandcluster.contracts.membership.Tally;
import com.brandcluster.membership.audit.AuditLog;
import com.brandcluster.membership.membership.Membership;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Convention ballots: opening (one open ballot per cluster), voting (one vote per enterprise of the electorate,
 * changeable until the closing time, never shown to anyone but the enterprise that cast it) and the tally, by the
 * secretariat or, once a ballot has been closed for {@code autoTallyAfter}, by the service itself.
 *
 * <p>Consistency without transactions: the convention changes by pattern 1 (its document, history and outbox in one
 * write guarded by {@code @Version}); one open ballot per cluster and one vote per enterprise by pattern 2 (claim
 * documents with unique keys); the tally's steps (seal the votes, count, store the result, release the cluster's
 * claim, supersede the previous version) by pattern 4: each is idempotent, so a tally retried after a crash finishes
 * the same work and never counts differently.
 */
@Service
class Ballots {

    private static final Logger log = LoggerFactory.getLogger(Ballots.class);
    /** The actor of automatic tallies in the audit trail. */
    static final Caller AUTO_TALLY = new Caller("system:convention-auto-tally", "convention-auto-tally", null, Set.of(),
            null, Set.of());
    /** A claim on a cluster's ballot whose convention is still a DRAFT after this long was left by a failed opening. */
    private static final Duration CLAIM_SETTLE_TIME = Duration.ofMinutes(1);
    private static final int ATTEMPTS = 3;

    private final ConventionRepository conventions;
    private final ConventionAccess access;
    private final MongoOperations mongo;
    private final OutboxEvents outboxEvents;
    private final AuditLog audit;
    private final ConventionProperties properties;
    private final Clock clock;

    Ballots(ConventionRepository conventions, ConventionAccess access, MongoOperations mongo,
            OutboxEvents outboxEvents, AuditLog audit, ConventionProperties properties, Clock clock) {
        this.conventions = conventions;
        this.access = access;
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    // --- opening ---------------------------------------------------------------------------------------------------

    /** Puts a draft to the vote of the enterprises ACTIVE in the cluster now. */
    Convention open(String conventionId, ConventionRequests.OpenBallot request, Caller caller) {
        Convention convention = access.load(conventionId);
        access.requireSecretariat(convention.clusterId(), caller, "opens ballots on its convention");
        Instant now = clock.instant();
        List<String> electorate = access.activeMembers(convention.clusterId()).stream()
                .map(Membership::enterpriseId).toList();
        convention.openBallot(electorate, request.closesAt(), request.quorumPercent(), caller.subject(), now);
        claimBallot(convention, now);
        Convention.Ballot ballot = convention.ballot();
        convention.announce(outboxEvents.entryFor(new ConventionBallotOpened(UUID.randomUUID(), now,
                convention.clusterId(), convention.version(), convention.id(), convention.number(), convention.title(),
                ballot.closesAt(), ballot.quorumPercent(), ballot.electorate())));
        Convention opened;
        try {
            opened = conventions.save(convention);
        } catch (OptimisticLockingFailureException e) {
            releaseClaim(convention);
            throw changedConcurrently(conventionId);
        } catch (RuntimeException e) {
            // The write may have happened before the failure surfaced: keep the claim of a ballot that did open.
            if (conventions.findById(conventionId).map(c -> c.status() != Convention.Status.BALLOT).orElse(true)) {
                releaseClaim(convention);
            }
            throw e;
        }
        audit.record(opened.clusterId(), caller, "convention.ballot-opened", "convention", opened.id(), null,
                Map.of("conventionVersion", opened.number(), "closesAt", ballot.closesAt().toString(),
                        "quorumPercent", ballot.quorumPercent(), "electorate", ballot.electorate().size()));
        log.info("Ballot on convention {} of cluster {} opened for {} enterprises until {}", opened.id(),
                opened.clusterId(), ballot.electorate().size(), ballot.closesAt());
        return opened;
    }

    private void claimBallot(Convention convention, Instant now) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                mongo.insert(new OpenBallotClaim(convention.clusterId(), convention.id(), now));
                return;
            } catch (DuplicateKeyException e) {
                OpenBallotClaim held = mongo.findById(convention.clusterId(), OpenBallotClaim.class);
                if (held != null && !isStale(held, now)) {
                    throw new ConventionConflict("ballot-open-in-cluster", "A ballot is open",
                            "Cluster '" + convention.clusterId() + "' has an open ballot already (convention "
                                    + held.conventionId() + "); tally it first.")
                            .with("openConventionId", held.conventionId())
                            .withCurrentState(Convention.Status.DRAFT.name());
                }
                if (held != null) {
                    log.warn("Taking over the stale ballot claim of cluster {} (convention {})",
                            held.clusterId(), held.conventionId());
                    mongo.remove(Query.query(Criteria.where("_id").is(held.clusterId())
                            .and("conventionId").is(held.conventionId())), OpenBallotClaim.class);
                }
            }
        }
        throw changedConcurrently(convention.id());
    }

    /** A claim whose convention was tallied, or never reached BALLOT within the settle time, holds nothing. */
    private boolean isStale(OpenBallotClaim claim, Instant now) {
        Convention.Status holder = conventions.findById(claim.conventionId()).map(Convention::status).orElse(null);
        if (holder == Convention.Status.BALLOT) {
            return false;
        }
        if (holder != null && holder != Convention.Status.DRAFT) {
            return true;
        }
        return claim.claimedAt().isBefore(now.minus(CLAIM_SETTLE_TIME));
    }

    private void releaseClaim(Convention convention) {
        mongo.remove(Query.query(Criteria.where("_id").is(convention.clusterId())
                .and("conventionId").is(convention.id())), OpenBallotClaim.class);
    }

    // --- voting ----------------------------------------------------------------------------------------------------

    /**
     * Casts or changes the enterprise's vote. Any user acting for an enterprise of the electorate votes for it (the
     * enterprise decides internally who does); the last vote before the closing time counts.
     */
    ConventionVote vote(String conventionId, ConventionRequests.Vote request, Caller caller) {
        String enterpriseId = access.actingEnterprise(caller, "votes");
        Convention convention = access.load(conventionId);
        access.requireElectorateOrMember(convention, enterpriseId, caller);
        Instant now = clock.instant();
        convention.checkVote(enterpriseId, now);
        String key = ConventionVote.key(conventionId, enterpriseId);
        // Pattern 2: one document per enterprise and ballot, upserted; it only matches while unsealed.
        Query unsealed = Query.query(Criteria.where("_id").is(key).and("sealed").ne(true));
        Update update = new Update().set("choice", request.choice()).set("castAt", now).set("castBy", caller.subject())
                .inc("changes", 1)
                .setOnInsert("conventionId", conventionId).setOnInsert("clusterId", convention.clusterId())
                .setOnInsert("enterpriseId", enterpriseId);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                ConventionVote vote = mongo.findAndModify(unsealed, update,
                        FindAndModifyOptions.options().upsert(true).returnNew(true), ConventionVote.class);
                log.info("Enterprise {} voted on convention {}", enterpriseId, conventionId);
                return vote;
            } catch (DuplicateKeyException e) {
                // Either the tally sealed the vote, or a concurrent first vote of the same enterprise inserted it.
                ConventionVote existing = mongo.findById(key, ConventionVote.class);
                if (existing != null && existing.isSealed()) {
                    throw closed(conventionId);
                }
            }
        }
        throw changedConcurrently(conventionId);
    }

    /** The enterprise's own vote: never anyone else's, and never to the secretariat. */
    ConventionVote mine(String conventionId, Caller caller) {
        String enterpriseId = access.actingEnterprise(caller, "reads its vote");
        Convention convention = access.load(conventionId);
        if (!convention.inElectorate(enterpriseId)) {
            throw new ForbiddenException(
                    "The enterprise is not in the electorate of this ballot.");
        }
        ConventionVote vote = mongo.findById(ConventionVote.key(conventionId, enterpriseId), ConventionVote.class);
        if (vote == null || vote.choice() == null) {
            throw new NotFoundException("vote of enterprise " + enterpriseId + " on convention", conventionId);
        }
        return vote;
    }

    private ConflictException closed(String conventionId) {
        Convention now = access.load(conventionId);
        return new ConventionConflict("ballot-closed", "Ballot closed",
                "The ballot on this convention has closed and its votes are counted.")
                .withCurrentState(now.status().name());
    }

    // --- the tally -------------------------------------------------------------------------------------------------

    Convention tally(String conventionId, Caller caller) {
        Convention convention = access.load(conventionId);
        access.requireSecretariat(convention.clusterId(), caller, "tallies its ballots");
        Convention tallied = count(convention, caller.subject(), clock.instant());
        auditTally(tallied, caller, null);
        return tallied;
    }

    /**
     * Tallies the ballots whose closing time passed {@code autoTallyAfter} ago and nobody tallied, and finishes
     * supersessions that a crash left half done. Safe with several instances: every step is idempotent and the
     * result is stored with a conditional write (the convention's version), so a ballot is tallied once.
     */
    @Scheduled(initialDelayString = "${brandcluster.membership.conventions.auto-tally-interval:PT5M}",
            fixedDelayString = "${brandcluster.membership.conventions.auto-tally-interval:PT5M}")
    void tallyOverdueBallots() {
        Instant now = clock.instant();
        tallyBallotsClosedBefore(now.minus(properties.autoTallyAfter()));
        finishSupersessions(now.minus(Duration.ofSeconds(30)));
    }

    /** @return how many ballots this call tallied */
    int tallyBallotsClosedBefore(Instant cutoff) {
        int tallied = 0;
        for (Convention overdue : conventions.findByStatusAndBallotClosesAtBefore(Convention.Status.BALLOT, cutoff)) {
            try {
                Convention result = count(overdue, AUTO_TALLY.subject(), clock.instant());
                auditTally(result, AUTO_TALLY, "tallied automatically after the ballot closed");
                tallied++;
            } catch (ConflictException e) {
                log.info("Ballot on convention {} was tallied concurrently", overdue.id());
            } catch (RuntimeException e) {
                log.warn("Automatic tally of convention {} failed; retried next round", overdue.id(), e);
            }
        }
        return tallied;
    }

    /** Pattern 4: marks SUPERSEDED what adoptions older than {@code before} were to supersede and did not. */
    int finishSupersessions(Instant before) {
        int finished = 0;
        for (Convention adopted : conventions.findBySupersessionAndAdoptedAtBefore(Convention.Supersession.PENDING,
                before)) {
            try {
                supersedePrevious(adopted);
                finished++;
            } catch (RuntimeException e) {
                log.warn("Supersession by convention {} failed; retried next round", adopted.id(), e);
            }
        }
        return finished;
    }

    /**
     * Seals the votes, counts them and stores the result with its event; then releases the cluster's ballot claim
     * and supersedes the previous version. Each step is idempotent (pattern 4).
     */
    private Convention count(Convention convention, String by, Instant now) {
        convention.checkTally(now);
        sealVotes(convention);
        Convention.Counts counts = countVotes(convention);
        String currentlyAdopted = conventions.findFirstByClusterIdAndStatusOrderByAdoptedAtDesc(
                convention.clusterId(), Convention.Status.ADOPTED).map(Convention::id).orElse(null);
        Convention.Outcome outcome = convention.tally(counts, currentlyAdopted, by, now);
        Convention.Result result = convention.result();
        Tally tally = new Tally(result.electorate(), result.votesFor(), result.votesAgainst(), result.abstentions(),
                result.quorumReached());
        convention.announce(outboxEvents.entryFor(outcome == Convention.Outcome.ADOPTED
                ? new ConventionAdopted(UUID.randomUUID(), now, convention.clusterId(), convention.version(),
                convention.id(), convention.number(), convention.title(), convention.supersedes(), tally)
                : new ConventionRejected(UUID.randomUUID(), now, convention.clusterId(), convention.version(),
                convention.id(), convention.number(), convention.title(), outcome.name(), tally)));
        Convention tallied;
        try {
            tallied = conventions.save(convention);
        } catch (OptimisticLockingFailureException e) {
            Convention current = access.load(convention.id());
            current.checkTally(now);
            throw changedConcurrently(convention.id());
        }
        releaseClaim(tallied);
        log.info("Convention {} of cluster {} tallied: {} ({})", tallied.id(), tallied.clusterId(), outcome, tally);
        return tallied.supersession() == Convention.Supersession.PENDING ? supersedePrevious(tallied) : tallied;
    }

    /**
     * Seals the vote document of every enterprise of the electorate (creating empty ones for those that did not
     * vote): from here on no vote is cast or changed, so what is counted next is final.
     */
    private void sealVotes(Convention convention) {
        for (String enterpriseId : convention.ballot().electorate()) {
            Query query = Query.query(Criteria.where("_id").is(ConventionVote.key(convention.id(), enterpriseId)));
            Update seal = new Update().set("sealed", true)
                    .setOnInsert("conventionId", convention.id()).setOnInsert("clusterId", convention.clusterId())
                    .setOnInsert("enterpriseId", enterpriseId).setOnInsert("changes", 0);
            for (int attempt = 1; ; attempt++) {
                try {
                    mongo.upsert(query, seal, ConventionVote.class);
                    break;
                } catch (DuplicateKeyException e) {
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }
    }

    private Convention.Counts countVotes(Convention convention) {
        Map<ConventionVote.Choice, Integer> counts = new HashMap<>();
        for (ConventionVote vote : mongo.find(Query.query(Criteria.where("conventionId").is(convention.id())),
                ConventionVote.class)) {
            if (vote.choice() != null && convention.inElectorate(vote.enterpriseId())) {
                counts.merge(vote.choice(), 1, Integer::sum);
            }
        }
        return new Convention.Counts(counts.getOrDefault(ConventionVote.Choice.FOR, 0),
                counts.getOrDefault(ConventionVote.Choice.AGAINST, 0),
                counts.getOrDefault(ConventionVote.Choice.ABSTAIN, 0));
    }

    /**
     * Marks every other ADOPTED version of the cluster, adopted before this one, SUPERSEDED; then records the
     * supersession done with a conditional update of that flag alone (the adoption's pending event is left as the
     * relay has it, so it is not published twice).
     */
    private Convention supersedePrevious(Convention adopted) {
        for (Convention previous : conventions.findByClusterIdAndStatus(adopted.clusterId(), Convention.Status.ADOPTED)) {
            if (!previous.id().equals(adopted.id()) && !previous.adoptedAt().isAfter(adopted.adoptedAt())) {
                supersede(previous.id(), adopted);
            }
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(adopted.id())
                        .and("supersession").is(Convention.Supersession.PENDING.name())),
                new Update().set("supersession", Convention.Supersession.DONE.name()), Convention.class);
        return access.load(adopted.id());
    }

    private void supersede(String previousId, Convention adopted) {
        for (int attempt = 1; ; attempt++) {
            Convention previous = access.load(previousId);
            if (previous.status() != Convention.Status.ADOPTED) {
                return;
            }
            previous.supersede(adopted.id(), adopted.adoptedAt());
            try {
                conventions.save(previous);
                log.info("Convention {} of cluster {} superseded by {}", previousId, adopted.clusterId(), adopted.id());
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void auditTally(Convention tallied, Caller caller, String reason) {
        Convention.Result result = tallied.result();
        audit.record(tallied.clusterId(), caller, "convention.tallied", "convention", tallied.id(), reason,
                Map.of("conventionVersion", tallied.number(), "outcome", result.outcome().name(),
                        "electorate", result.electorate(), "votesFor", result.votesFor(),
                        "votesAgainst", result.votesAgainst(), "abstentions", result.abstentions(),
                        "quorumReached", result.quorumReached()));
    }

    private static ConflictException changedConcurrently(String conventionId) {
        return new ConflictException("concurrent-change", "Changed concurrently",
                "Convention " + conventionId + " was changed by someone else at the same moment; reload it and try again.");
    }
}
