package com.brandcluster.membership.membership;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Read-only access to memberships for the other features of this service (verification, "me"). */
@Component
public class MembershipLookup {

    private final MembershipRepository memberships;

    MembershipLookup(MembershipRepository memberships) {
        this.memberships = memberships;
    }

    public Optional<Membership> byMemberNumber(String memberNumber) {
        return memberships.findByMemberNumber(memberNumber);
    }

    /** Every membership of the enterprise, in any status, by cluster id. */
    public List<Membership> ofEnterprise(String enterpriseId) {
        return memberships.findByEnterpriseIdOrderByClusterId(enterpriseId);
    }
}
