package com.brandcluster.membership.convention;

import com.brandcluster.membership.membership.Membership;
import com.brandcluster.membership.membership.MembershipAdmission;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Who may do what with a cluster's conventions, decided per object: the cluster's secretariat drafts, opens ballots
 * and tallies; its members (any user acting for an enterprise whose membership is not terminated) read drafts and
 * ballots; the electorate votes; ACTIVE members accept. Memberships are read through {@link MembershipAdmission}.
 */
@Component
class ConventionAccess {

    private final ConventionRepository conventions;
    private final MembershipAdmission memberships;

    ConventionAccess(ConventionRepository conventions, MembershipAdmission memberships) {
        this.conventions = conventions;
        this.memberships = memberships;
    }

    Convention load(String conventionId) {
        return conventions.findById(conventionId).orElseThrow(() -> new ConventionNotFoundException(conventionId));
    }

    void requireSecretariat(String clusterId, Caller caller, String action) {
        if (!caller.isSecretariatOf(clusterId)) {
            throw new ForbiddenException("Only the secretariat of cluster '" + clusterId + "' " + action + ".");
        }
    }

    /** The secretariat and the members read every version; the published ones (adopted, superseded) anyone signed in. */
    void requireReader(Convention convention, Caller caller) {
        if (!convention.isPublished() && !caller.isSecretariatOf(convention.clusterId())
                && !isMember(convention.clusterId(), caller)) {
            throw new ForbiddenException("Drafts, ballots and rejected versions of a convention are for the members "
                    + "and the secretariat of cluster '" + convention.clusterId() + "'.");
        }
    }

    void requireSecretariatOrMember(String clusterId, Caller caller) {
        if (!caller.isSecretariatOf(clusterId) && !isMember(clusterId, caller)) {
            throw new ForbiddenException("The versions of a convention are listed for the members and the secretariat "
                    + "of cluster '" + clusterId + "'.");
        }
    }

    /**
     * The ballot's electorate and the cluster's members: whoever else asks to vote is refused before the convention's
     * state is looked at, so that a draft of another cluster is not told apart from a ballot.
     */
    void requireElectorateOrMember(Convention convention, String enterpriseId, Caller caller) {
        if (!convention.inElectorate(enterpriseId) && !isMember(convention.clusterId(), caller)) {
            throw new ForbiddenException("Only the enterprises of its electorate vote on a convention of cluster '"
                    + convention.clusterId() + "'.");
        }
    }

    /** The enterprise the caller acts for; refused for callers acting for none. */
    String actingEnterprise(Caller caller, String action) {
        return caller.enterprise().orElseThrow(() -> new ForbiddenException(
                "Only a user acting for a member enterprise " + action + "."));
    }

    boolean isMember(String clusterId, Caller caller) {
        return caller.enterprise().map(enterpriseId -> memberships.isMember(clusterId, enterpriseId)).orElse(false);
    }

    Optional<Membership> activeMembership(String clusterId, String enterpriseId) {
        return memberships.find(clusterId, enterpriseId).filter(m -> m.status() == Membership.Status.ACTIVE);
    }

    /** The enterprises ACTIVE in the cluster now, in member-number order. */
    List<Membership> activeMembers(String clusterId) {
        return memberships.ofCluster(clusterId).stream().filter(m -> m.status() == Membership.Status.ACTIVE).toList();
    }
}
