package com.brandcluster.membership.membership;

import com.brandcluster.platform.web.ConflictException;

/** 409: the enterprise's membership of the cluster was terminated, which is final; it cannot apply again. */
public class MembershipTerminatedException extends ConflictException {

    public MembershipTerminatedException(String clusterId) {
        super("membership-terminated", "Membership terminated",
                "The enterprise's membership of cluster '" + clusterId + "' was terminated; a termination is final.");
        withCurrentState(Membership.Status.TERMINATED.name());
    }
}
