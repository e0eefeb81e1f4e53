package com.brandcluster.membership.convention;

import com.brandcluster.membership.audit.AuditLog;
import com.brandcluster.membership.cluster.Clusters;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.NotFoundException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Drafting a cluster's convention versions and reading them. */
@Service
class Conventions {

    private static final Logger log = LoggerFactory.getLogger(Conventions.class);
    private static final int NUMBER_ATTEMPTS = 10;

    private final ConventionRepository conventions;
    private final ConventionAccess access;
    private final Clusters clusters;
    private final AuditLog audit;
    private final Clock clock;

    Conventions(ConventionRepository conventions, ConventionAccess access, Clusters clusters, AuditLog audit,
                Clock clock) {
        this.conventions = conventions;
        this.access = access;
        this.clusters = clusters;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A new draft, numbered one above the cluster's highest version. Pattern 2: the unique {@code (clusterId, number)}
     * index is the claim on the number; a draft created at the same moment that lost the claim takes the next one.
     */
    Convention draft(String clusterId, ConventionRequests.Text text, Caller caller) {
        access.requireSecretariat(clusterId, caller, "drafts its convention");
        clusters.get(clusterId);
        Instant now = clock.instant();
        for (int attempt = 1; ; attempt++) {
            int number = conventions.findFirstByClusterIdOrderByNumberDesc(clusterId).map(Convention::number).orElse(0) + 1;
            Convention draft = Convention.draft(new ObjectId().toHexString(), clusterId, number, text.title(),
                    text.body(), text.changeSummary(), caller.subject(), now);
            try {
                Convention saved = conventions.insert(draft);
                audit.record(clusterId, caller, "convention.drafted", "convention", saved.id(), null,
                        Map.of("conventionVersion", saved.number(), "title", saved.title()));
                log.info("Convention version {} of cluster {} drafted as {}", saved.number(), clusterId, saved.id());
                return saved;
            } catch (DuplicateKeyException e) {
                if (attempt == NUMBER_ATTEMPTS) {
                    throw new ConflictException("concurrent-change", "Changed concurrently",
                            "Many convention versions are being drafted at this moment; try again.");
                }
                log.debug("Convention number {} of cluster {} taken concurrently, drawing the next", number, clusterId);
            }
        }
    }

    Convention edit(String conventionId, ConventionRequests.Text text, Caller caller) {
        Convention convention = access.load(conventionId);
        access.requireSecretariat(convention.clusterId(), caller, "edits its convention drafts");
        convention.edit(text.title(), text.body(), text.changeSummary(), caller.subject(), clock.instant());
        Convention saved = save(convention);
        audit.record(saved.clusterId(), caller, "convention.edited", "convention", saved.id(), null,
                Map.of("conventionVersion", saved.number(), "title", saved.title()));
        return saved;
    }

    Convention get(String conventionId, Caller caller) {
        Convention convention = access.load(conventionId);
        access.requireReader(convention, caller);
        return convention;
    }

    List<Convention> ofCluster(String clusterId, Caller caller) {
        access.requireSecretariatOrMember(clusterId, caller);
        clusters.get(clusterId);
        return conventions.findByClusterIdOrderByNumberDesc(clusterId);
    }

    /** The cluster's current convention, public: the version adopted last. */
    Convention current(String clusterId) {
        clusters.get(clusterId);
        return conventions.findFirstByClusterIdAndStatusOrderByAdoptedAtDesc(clusterId, Convention.Status.ADOPTED)
                .orElseThrow(() -> new NotFoundException("current convention of cluster", clusterId));
    }

    private Convention save(Convention convention) {
        try {
            return conventions.save(convention);
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("concurrent-change", "Changed concurrently",
                    "The convention was changed by someone else at the same moment; reload it and try again.");
        }
    }
}
