package com.brandcluster.membership.me;

import com.brandcluster.membership.cluster.Clusters;
import com.brandcluster.membership.enterprise.Enterprise;
import com.brandcluster.membership.enterprise.EnterpriseRepository;
import com.brandcluster.membership.membership.Membership;
import com.brandcluster.membership.membership.MembershipLookup;
import com.brandcluster.platform.security.Caller;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Who the caller is in the register: their identity, the enterprise they act for and its memberships in every
 * status. A signed-in user without an enterprise (a secretariat, an expert, someone about to register one) gets their
 * identity, no enterprise and an empty list.
 */
@Service
class MyRegister {

    private final EnterpriseRepository enterprises;
    private final MembershipLookup memberships;
    private final Clusters clusters;

    MyRegister(EnterpriseRepository enterprises, MembershipLookup memberships, Clusters clusters) {
        this.enterprises = enterprises;
        this.memberships = memberships;
        this.clusters = clusters;
    }

    Me of(Caller caller) {
        Optional<Enterprise> enterprise = caller.enterprise().flatMap(enterprises::findById);
        List<MembershipOfMine> mine = enterprise
                .map(e -> memberships.ofEnterprise(e.id()).stream().map(this::view).toList())
                .orElse(List.of());
        return new Me(caller.subject(), caller.username(), caller.email(), caller.roles().stream().sorted().toList(),
                caller.secretariatOf().stream().sorted().toList(),
                enterprise.map(e -> new EnterpriseOfMine(e.id(), e.legalName())).orElse(null), mine);
    }

    private MembershipOfMine view(Membership m) {
        return new MembershipOfMine(m.id(), m.clusterId(), clusters.get(m.clusterId()).name(), m.memberNumber(),
                m.tier(), m.status().name(), m.validUntil());
    }

    @NullMarked
    record Me(String subject, @Nullable String username, @Nullable String email, List<String> roles,
              List<String> secretariatOf, @Nullable EnterpriseOfMine enterprise, List<MembershipOfMine> memberships) {
    }

    @NullMarked
    record EnterpriseOfMine(String id, String legalName) {
    }

    /** One of the enterprise's memberships; {@code id} is the membership's id. */
    @NullMarked
    record MembershipOfMine(String id, String clusterId, String clusterName, String memberNumber, String tier,
                            String status, LocalDate validUntil) {
    }
}
