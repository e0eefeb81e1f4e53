package com.brandcluster.membership.standard;

import com.brandcluster.contracts.membership.StandardCertified;
import com.brandcluster.membership.audit.AuditLog;
import com.brandcluster.membership.cluster.Clusters;
import com.brandcluster.membership.membership.Membership;
import com.brandcluster.membership.membership.MembershipAdmission;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import com.brandcluster.platform.web.NotFoundException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Members declare the standards they adopted; the secretariat records certificates. Every action is checked against
 * the object: an enterprise declares and reads only its own adoptions, a secretariat certifies only in its clusters.
 * The directory reads adoptions through the public query methods here.
 */
@Service
public class StandardAdoptions {

    private static final Logger log = LoggerFactory.getLogger(StandardAdoptions.class);
    /** Certificates expire at the end of their expiry day in the clusters' (Chinese) calendar. */
    static final ZoneId CLUSTER_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Sort BY_CODE = Sort.by("code");

    private final StandardAdoptionRepository adoptions;
    private final MongoOperations mongo;
    private final Clusters clusters;
    private final MembershipAdmission memberships;
    private final OutboxEvents outboxEvents;
    private final AuditLog audit;
    private final Clock clock;

    StandardAdoptions(StandardAdoptionRepository adoptions, MongoOperations mongo, Clusters clusters,
                      MembershipAdmission memberships, OutboxEvents outboxEvents, AuditLog audit, Clock clock) {
        this.adoptions = adoptions;
        this.mongo = mongo;
        this.clusters = clusters;
        this.memberships = memberships;
        this.outboxEvents = outboxEvents;
        this.audit = audit;
        this.clock = clock;
    }

    StandardAdoption declare(String clusterId, String enterpriseId, StandardRequests.Declare request, Caller caller) {
        if (!caller.actsFor(enterpriseId)) {
            throw new ForbiddenException("Only a user acting for enterprise '" + enterpriseId
                    + "' declares its standards.");
        }
        clusters.get(clusterId);
        Optional<Membership> found = memberships.find(clusterId, enterpriseId);
        if (found.isEmpty() || found.get().status() != Membership.Status.ACTIVE) {
            throw new NotActiveMemberException(clusterId, enterpriseId, found.map(m -> m.status().name()).orElse(null));
        }
        Membership membership = found.get();
        Instant now = clock.instant();
        StandardCode code = StandardCode.parse(request.code());
        StandardAdoption adoption = StandardAdoption.declare(new ObjectId().toHexString(), clusterId, membership.id(),
                enterpriseId, code, request.title().strip(), request.kind(),
                Objects.requireNonNullElse(request.declaredOn(), today()), request.evidence(), request.evidenceUrl(),
                caller.subject(), now);
        try {
            StandardAdoption saved = adoptions.insert(adoption);
            log.info("Enterprise {} declared standard {} in cluster {}", enterpriseId, code, clusterId);
            return saved;
        } catch (DuplicateKeyException e) {
            throw new ConflictException("standard-declared", "Standard declared already",
                    "Enterprise '" + enterpriseId + "' has declared " + code + " in cluster '" + clusterId
                            + "' already.");
        }
    }

    List<StandardAdoption> ofMember(String clusterId, String enterpriseId, Caller caller) {
        checkReader(clusterId, enterpriseId, caller);
        clusters.get(clusterId);
        return adoptions.findByClusterIdAndEnterpriseId(clusterId, enterpriseId, BY_CODE);
    }

    StandardAdoption get(String clusterId, String enterpriseId, String adoptionId, Caller caller) {
        checkReader(clusterId, enterpriseId, caller);
        return find(clusterId, enterpriseId, adoptionId);
    }

    /**
     * Records a certificate and announces it ({@code membership.standard.certified.v1}) in the same document write.
     */
    StandardAdoption certify(String clusterId, String enterpriseId, String adoptionId,
                             StandardRequests.Certify request, Caller caller) {
        if (!caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the secretariat of cluster '" + clusterId + "' records certificates.");
        }
        StandardAdoption adoption = find(clusterId, enterpriseId, adoptionId);
        Instant now = clock.instant();
        adoption.certify(request.certificateNumber().strip(), request.certificationBody().strip(),
                request.expiresOn(), today(), caller.subject(), now);
        StandardAdoption.Certification certificate = adoption.storedCertification();
        adoption.announce(outboxEvents.entryFor(new StandardCertified(UUID.randomUUID(), now, clusterId,
                adoption.version(), adoption.id(), adoption.membershipId(), enterpriseId, adoption.code(),
                adoption.title(), adoption.kind().name(), certificate.certificateNumber(), certificate.body(),
                certificate.expiresOn())));
        StandardAdoption saved;
        try {
            saved = adoptions.save(adoption);
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("concurrent-change", "Changed concurrently",
                    "The standard adoption was changed by someone else at the same moment; reload it and try again.");
        }
        audit.record(clusterId, caller, "standard.certified", "standard-adoption", saved.id(), null,
                Map.of("enterpriseId", enterpriseId, "code", saved.code(),
                        "certificateNumber", certificate.certificateNumber(),
                        "expiresOn", certificate.expiresOn().toString()));
        log.info("Standard {} of enterprise {} certified in cluster {} until {}", saved.code(), enterpriseId,
                clusterId, certificate.expiresOn());
        return saved;
    }

    private static void checkReader(String clusterId, String enterpriseId, Caller caller) {
        if (!caller.actsFor(enterpriseId) && !caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the enterprise itself and the secretariat of cluster '" + clusterId
                    + "' read its declared standards; the directory shows the public ones.");
        }
    }

    /** An adoption under its own cluster and enterprise only: another path to it is a 404. */
    private StandardAdoption find(String clusterId, String enterpriseId, String adoptionId) {
        return adoptions.findById(adoptionId)
                .filter(a -> a.clusterId().equals(clusterId) && a.enterpriseId().equals(enterpriseId))
                .orElseThrow(() -> new NotFoundException("standard adoption", adoptionId));
    }

    // --- for the directory -------------------------------------------------------------------------------------------

    /** The clusters' current day: a certificate is valid through its expiry day. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CLUSTER_ZONE);
    }

    /**
     * The enterprises of a cluster that declared a standard; with {@code certifiedOnly}, those holding a certificate
     * valid today (the expiry date is checked here, so an expired certificate never counts, job or not).
     */
    public Set<String> enterprisesWith(String clusterId, String code, boolean certifiedOnly) {
        Criteria criteria = Criteria.where("clusterId").is(clusterId).and("code").is(StandardCode.normalise(code));
        if (certifiedOnly) {
            criteria = criteria.and("status").is(StandardAdoption.Status.CERTIFIED)
                    .and("certification.expiresOn").gte(today());
        }
        Query query = Query.query(criteria);
        query.fields().include("enterpriseId");
        return mongo.find(query, StandardAdoption.class).stream().map(StandardAdoption::enterpriseId)
                .collect(Collectors.toSet());
    }

    /** The adoptions of some enterprises of a cluster, by enterprise, each list ordered by code. */
    public Map<String, List<StandardAdoption>> ofEnterprises(String clusterId, Collection<String> enterpriseIds) {
        if (enterpriseIds.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("clusterId").is(clusterId).and("enterpriseId").in(enterpriseIds))
                .with(BY_CODE);
        query.fields().exclude("history", "outbox", "evidence");
        return mongo.find(query, StandardAdoption.class).stream()
                .collect(Collectors.groupingBy(StandardAdoption::enterpriseId));
    }
}
