package com.brandcluster.membership.membership;

import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.platform.outbox.OutboxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates the membership an approved application promises, idempotently: the membership's id is the application's,
 * so a retry after a crash finds the first admission instead of admitting twice (pattern 4). The membership and its
 * {@code membership.member.admitted.v1} event are written in one document insert (pattern 1).
 */
@Service
public class MembershipAdmission {

    private static final Logger log = LoggerFactory.getLogger(MembershipAdmission.class);
    /** Membership years, member numbers and validity dates follow the clusters' (Chinese) calendar day. */
    private static final ZoneId CLUSTER_ZONE = ZoneId.of("Asia/Shanghai");

    private final MembershipRepository memberships;
    private final MemberNumbers memberNumbers;
    private final OutboxEvents outboxEvents;
    private final Clock clock;

    MembershipAdmission(MembershipRepository memberships, MemberNumbers memberNumbers, OutboxEvents outboxEvents,
                        Clock clock) {
        this.memberships = memberships;
        this.memberNumbers = memberNumbers;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    public record Admission(String applicationId, String clusterId, String memberNumber, String enterpriseId,
                            String enterpriseName, String tier, String admittedBy) {
    }

    public Membership admit(Admission admission) {
        Optional<Membership> existing = memberships.findById(admission.applicationId());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CLUSTER_ZONE);
        Membership membership = Membership.admit(admission.applicationId(), admission.clusterId(),
                admission.enterpriseId(), admission.enterpriseName(), admission.memberNumber(), admission.tier(), today,
                admission.admittedBy(), now);
        membership.announce(outboxEvents.entryFor(new MemberAdmitted(UUID.randomUUID(), now, membership.clusterId(),
                membership.version(), membership.id(), membership.enterpriseId(), membership.enterpriseName(),
                membership.memberNumber(), membership.tier(), membership.validFrom(), membership.validUntil())));
        try {
            Membership saved = memberships.insert(membership);
            log.info("Enterprise {} admitted to cluster {} as {}", saved.enterpriseId(), saved.clusterId(),
                    saved.memberNumber());
            return saved;
        } catch (DuplicateKeyException e) {
            // A concurrent retry of the same admission won the insert.
            return memberships.findById(admission.applicationId())
                    .orElseThrow(() -> new AlreadyMemberException(admission.clusterId()));
        }
    }

    /**
     * Refuses an application of an enterprise that holds a membership of the cluster already (409
     * {@code already-member}; a lapsed member renews instead) or whose membership was terminated (409
     * {@code membership-terminated}: a termination is final, and the register keeps one membership per enterprise
     * and cluster).
     */
    public void checkMayApply(String clusterId, String enterpriseId) {
        Optional<Membership> existing = memberships.findByClusterIdAndEnterpriseId(clusterId, enterpriseId);
        if (existing.isPresent()) {
            throw existing.get().status() == Membership.Status.TERMINATED
                    ? new MembershipTerminatedException(clusterId) : new AlreadyMemberException(clusterId);
        }
    }

    /** The calendar day in the clusters' time zone: membership years and validity dates are such days. */
    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, CLUSTER_ZONE);
    }

    /** The next member number of a prefix in this membership year (an atomic per-prefix sequence). */
    public String drawMemberNumber(String prefix) {
        return memberNumbers.next(prefix, LocalDate.ofInstant(clock.instant(), CLUSTER_ZONE).getYear());
    }

    /** Whether the enterprise holds a membership of the cluster that is not terminated. */
    public boolean isMember(String clusterId, String enterpriseId) {
        return memberships.existsByClusterIdAndEnterpriseIdAndStatusNot(clusterId, enterpriseId,
                Membership.Status.TERMINATED);
    }

    public Optional<Membership> find(String clusterId, String enterpriseId) {
        return memberships.findByClusterIdAndEnterpriseId(clusterId, enterpriseId);
    }

    public java.util.List<Membership> ofCluster(String clusterId) {
        return memberships.findByClusterIdOrderByMemberNumber(clusterId);
    }
}
