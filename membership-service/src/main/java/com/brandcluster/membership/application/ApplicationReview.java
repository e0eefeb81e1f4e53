package com.brandcluster.membership.application;

import com.brandcluster.contracts.membership.ApplicationRejected;
import com.brandcluster.contracts.membership.ApplicationSubmitted;
import com.brandcluster.membership.audit.AuditLog;
import com.brandcluster.membership.cluster.Cluster;
import com.brandcluster.membership.cluster.Clusters;
import com.brandcluster.membership.cluster.Tier;
import com.brandcluster.membership.enterprise.Enterprise;
import com.brandcluster.membership.enterprise.EnterpriseRegistration;
import com.brandcluster.membership.membership.MembershipAdmission;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.UnprocessableException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Submitting, reviewing and reading applications. Every decision is checked against the object: a secretariat
 * decides only in the clusters it serves, an enterprise sees only its own applications.
 */
@Service
class ApplicationReview {

    private static final Logger log = LoggerFactory.getLogger(ApplicationReview.class);
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "submittedAt");

    private final ApplicationRepository applications;
    private final MongoOperations mongo;
    private final Clusters clusters;
    private final EnterpriseRegistration enterprises;
    private final MembershipAdmission admission;
    private final OutboxEvents outboxEvents;
    private final AuditLog audit;
    private final Clock clock;

    ApplicationReview(ApplicationRepository applications, MongoOperations mongo, Clusters clusters,
                      EnterpriseRegistration enterprises, MembershipAdmission admission, OutboxEvents outboxEvents,
                      AuditLog audit, Clock clock) {
        this.applications = applications;
        this.mongo = mongo;
        this.clusters = clusters;
        this.enterprises = enterprises;
        this.admission = admission;
        this.outboxEvents = outboxEvents;
        this.audit = audit;
        this.clock = clock;
    }

    Application submit(String clusterId, ApplicationRequests.Submit request, Caller caller) {
        String enterpriseId = caller.enterprise().filter(id -> caller.isEnterprise())
                .orElseThrow(() -> new ForbiddenException("Only a user acting for a registered enterprise applies."));
        Cluster cluster = clusters.get(clusterId);
        if (!cluster.isActive()) {
            throw new UnprocessableException("cluster-not-admitting", "Cluster not admitting",
                    "Cluster '" + clusterId + "' admits no new members.");
        }
        Tier tier = request.tier() == null ? cluster.entryTier() : cluster.tier(request.tier())
                .orElseThrow(() -> unknownTier(clusterId, request.tier()));
        admission.checkMayApply(clusterId, enterpriseId);
        Enterprise enterprise = enterprises.get(enterpriseId);
        Instant now = clock.instant();
        Application application = Application.submit(new ObjectId().toHexString(), clusterId, enterpriseId,
                enterprise.legalName(), tier.code(), request.motivation(), caller.subject(), now);

        claimOpenApplication(application, now);
        application.announce(outboxEvents.entryFor(new ApplicationSubmitted(UUID.randomUUID(), now, clusterId,
                application.version(), application.id(), enterpriseId, enterprise.legalName(), tier.code())));
        try {
            Application saved = applications.insert(application);
            log.info("Application {} submitted to cluster {}", saved.id(), clusterId);
            return saved;
        } catch (RuntimeException e) {
            releaseOpenApplication(application);
            throw e;
        }
    }

    Application approve(String applicationId, ApplicationRequests.Approve request, Caller caller) {
        Application application = reviewable(applicationId, caller);
        Cluster cluster = clusters.get(application.clusterId());
        String tier = request.tier() == null ? application.requestedTier() : cluster.tier(request.tier())
                .orElseThrow(() -> unknownTier(cluster.id(), request.tier())).code();
        // The number is drawn before the approval is stored and kept with it (a failed save leaves a gap, never a
        // duplicate); the admission, also when a repair finishes it after a crash, uses exactly this number. An
        // application decided already is refused first, so that a refused approval draws no number.
        application.checkDecidable(Application.Status.APPROVED);
        String memberNumber = admission.drawMemberNumber(cluster.memberNumberPrefix());
        application.approve(tier, memberNumber, caller.subject(), clock.instant());
        Application approved = save(application);
        releaseOpenApplication(approved);
        audit.record(approved.clusterId(), caller, "application.approved", "application", approved.id(), null,
                java.util.Map.of("enterpriseId", approved.enterpriseId(), "tier", tier));
        return admit(approved, cluster);
    }

    Application reject(String applicationId, ApplicationRequests.Reject request, Caller caller) {
        Application application = reviewable(applicationId, caller);
        Instant now = clock.instant();
        application.reject(caller.subject(), request.reason(), now);
        application.announce(outboxEvents.entryFor(new ApplicationRejected(UUID.randomUUID(), now,
                application.clusterId(), application.version(), application.id(), application.enterpriseId(),
                application.enterpriseName(), request.reason())));
        Application rejected = save(application);
        releaseOpenApplication(rejected);
        audit.record(rejected.clusterId(), caller, "application.rejected", "application", rejected.id(),
                request.reason(), java.util.Map.of("enterpriseId", rejected.enterpriseId()));
        log.info("Application {} rejected", rejected.id());
        return rejected;
    }

    /** The applying enterprise takes its open application back. */
    Application withdraw(String applicationId, Caller caller) {
        Application application = applications.findById(applicationId)
                .orElseThrow(() -> new ApplicationNotFoundException(applicationId));
        if (!caller.actsFor(application.enterpriseId())) {
            throw new ForbiddenException("Only the applying enterprise withdraws its application.");
        }
        application.withdraw(caller.subject(), clock.instant());
        Application withdrawn = save(application);
        releaseOpenApplication(withdrawn);
        log.info("Application {} withdrawn", withdrawn.id());
        return withdrawn;
    }

    Application get(String applicationId, Caller caller) {
        Application application = applications.findById(applicationId)
                .orElseThrow(() -> new ApplicationNotFoundException(applicationId));
        if (!caller.isSecretariatOf(application.clusterId()) && !caller.actsFor(application.enterpriseId())
                && !caller.isAllianceAdmin()) {
            throw new ForbiddenException("This application belongs to another enterprise and cluster.");
        }
        return application;
    }

    List<Application> ofCluster(String clusterId, Application.Status status, Caller caller) {
        if (!caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the secretariat of cluster '" + clusterId + "' reviews its applications.");
        }
        clusters.get(clusterId);
        return status == null ? applications.findByClusterId(clusterId, NEWEST_FIRST)
                : applications.findByClusterIdAndStatus(clusterId, status, NEWEST_FIRST);
    }

    List<Application> ofEnterprise(String enterpriseId, Application.Status status, Caller caller) {
        if (!caller.actsFor(enterpriseId)) {
            throw new ForbiddenException("Only the enterprise's own users see its applications.");
        }
        return status == null ? applications.findByEnterpriseId(enterpriseId, NEWEST_FIRST)
                : applications.findByEnterpriseIdAndStatus(enterpriseId, status, NEWEST_FIRST);
    }

    /**
     * Pattern 4: an approval whose membership was not created (the process died between the two writes) is finished
     * here; creating the membership is idempotent, so finishing twice admits once.
     */
    @Scheduled(fixedDelayString = "${brandcluster.membership.admission-repair-interval:PT30S}")
    void finishPendingAdmissions() {
        Instant before = clock.instant().minus(Duration.ofSeconds(10));
        for (Application pending : applications.findByAdmissionAndDecidedAtBefore(Application.Admission.PENDING, before)) {
            log.info("Finishing the admission of approved application {}", pending.id());
            admit(pending, clusters.get(pending.clusterId()));
        }
    }

    private Application admit(Application approved, Cluster cluster) {
        admission.admit(new MembershipAdmission.Admission(approved.id(), cluster.id(), approved.memberNumber(),
                approved.enterpriseId(), approved.enterpriseName(), approved.approvedTier(), approved.decidedBy()));
        approved.admitted();
        return save(approved);
    }

    private Application reviewable(String applicationId, Caller caller) {
        Application application = applications.findById(applicationId)
                .orElseThrow(() -> new ApplicationNotFoundException(applicationId));
        if (!caller.isSecretariatOf(application.clusterId())) {
            throw new ForbiddenException("Only the secretariat of cluster '" + application.clusterId()
                    + "' decides its applications.");
        }
        return application;
    }

    private Application save(Application application) {
        try {
            return applications.save(application);
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            throw new ConflictException("concurrent-change", "Changed concurrently",
                    "The application was changed by someone else at the same moment; reload it and try again.");
        }
    }

    private void claimOpenApplication(Application application, Instant now) {
        try {
            mongo.insert(new OpenApplicationClaim(
                    OpenApplicationClaim.key(application.clusterId(), application.enterpriseId()), application.id(), now));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("application-open", "Application open already",
                    "The enterprise has an open application to this cluster already; wait for its decision or withdraw it.");
        }
    }

    private void releaseOpenApplication(Application application) {
        mongo.remove(Query.query(Criteria.where("_id")
                        .is(OpenApplicationClaim.key(application.clusterId(), application.enterpriseId()))
                        .and("applicationId").is(application.id())),
                OpenApplicationClaim.class);
    }

    private static UnprocessableException unknownTier(String clusterId, String tier) {
        return new UnprocessableException("unknown-tier", "Unknown tier",
                "Cluster '" + clusterId + "' has no tier '" + tier + "'.");
    }
}
