package com.brandcluster.membership.officer;

import com.brandcluster.membership.audit.AuditLog;
import com.brandcluster.membership.cluster.Clusters;
import com.brandcluster.membership.enterprise.Enterprise;
import com.brandcluster.membership.enterprise.EnterpriseRepository;
import com.brandcluster.membership.membership.Membership;
import com.brandcluster.membership.membership.MembershipAdmission;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.ForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Setting and reading a cluster's officers. The secretariat of the cluster replaces the whole slate; everyone reads
 * the current one. Every officer enterprise must be an ACTIVE member when the slate is set.
 */
@Service
class OfficerSlates {

    private static final Logger log = LoggerFactory.getLogger(OfficerSlates.class);

    private final OfficerSlateRepository slates;
    private final Clusters clusters;
    private final MembershipAdmission memberships;
    private final EnterpriseRepository enterprises;
    private final AuditLog audit;
    private final Clock clock;

    OfficerSlates(OfficerSlateRepository slates, Clusters clusters, MembershipAdmission memberships,
                  EnterpriseRepository enterprises, AuditLog audit, Clock clock) {
        this.slates = slates;
        this.clusters = clusters;
        this.memberships = memberships;
        this.enterprises = enterprises;
        this.audit = audit;
        this.clock = clock;
    }

    OfficerSlate replace(String clusterId, OfficerRequests.ReplaceSlate request, Caller caller) {
        if (!caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the secretariat of cluster '" + clusterId + "' seats its officers.");
        }
        clusters.get(clusterId);
        List<Officer> officers = new ArrayList<>();
        for (OfficerRequests.OfficerInput input : request.officers()) {
            officers.add(new Officer(input.seat(), input.enterpriseId(), null, input.person().strip(),
                    input.termStart(), input.termEnd()));
        }
        OfficerSlate.check(officers);
        officers = officers.stream().map(officer -> withActiveMember(clusterId, officer)).toList();

        OfficerSlate slate = slates.findById(clusterId).orElseGet(() -> OfficerSlate.empty(clusterId));
        Instant now = clock.instant();
        slate.replace(officers, request.expectedVersion(), caller.subject(), caller.username(), request.reason(), now);
        OfficerSlate saved = save(slate);
        audit.record(clusterId, caller, "officers.replaced", "officer-slate", clusterId, request.reason(),
                Map.of("version", saved.version(),
                        "officers", saved.current().stream()
                                .map(o -> o.seat() + " " + o.enterpriseId()).toList()));
        log.info("Officer slate of cluster {} replaced: version {}, {} officers", clusterId, saved.version(),
                officers.size());
        return saved;
    }

    /** The current slate, with each officer enterprise's current name. */
    OfficerRequests.SlateView current(String clusterId) {
        clusters.get(clusterId);
        OfficerSlate slate = slates.findById(clusterId).orElseGet(() -> OfficerSlate.empty(clusterId));
        Map<String, String> names = currentNames(slate.current());
        OfficerSlate.SlateVersion current = slate.currentVersion();
        return new OfficerRequests.SlateView(clusterId, slate.version(), current == null ? null : current.setAt(),
                slate.current().stream().map(o -> OfficerRequests.OfficerView.of(o, names)).toList());
    }

    List<OfficerSlate.SlateVersion> history(String clusterId, Caller caller) {
        if (!caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the secretariat of cluster '" + clusterId
                    + "' reads the history of its officers.");
        }
        clusters.get(clusterId);
        return slates.findById(clusterId).map(OfficerSlate::history).orElse(List.of());
    }

    private Officer withActiveMember(String clusterId, Officer officer) {
        Optional<Membership> membership = memberships.find(clusterId, officer.enterpriseId());
        if (membership.isEmpty() || membership.get().status() != Membership.Status.ACTIVE) {
            throw new OfficerNotMemberException(clusterId, officer.enterpriseId(),
                    membership.map(m -> m.status().name()).orElse(null));
        }
        return new Officer(officer.seat(), officer.enterpriseId(), membership.get().enterpriseName(), officer.person(),
                officer.termStart(), officer.termEnd());
    }

    private Map<String, String> currentNames(List<Officer> officers) {
        Set<String> ids = officers.stream().map(Officer::enterpriseId).collect(Collectors.toCollection(LinkedHashSet::new));
        if (ids.isEmpty()) {
            return Map.of();
        }
        return enterprises.findAllById(ids).stream()
                .collect(Collectors.toMap(Enterprise::id, Enterprise::legalName, (a, b) -> a));
    }

    /** Pattern 1: the first slate is an insert (unique id), later ones a save guarded by the document version. */
    private OfficerSlate save(OfficerSlate slate) {
        try {
            return slate.isNew() ? slates.insert(slate) : slates.save(slate);
        } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
            throw new ConflictException("concurrent-change", "Changed concurrently",
                    "The officer slate was replaced by someone else at the same moment; reload it and try again.");
        }
    }
}
