package com.brandcluster.membership.officer;

import com.brandcluster.platform.web.UnprocessableException;

/** 422: an officer's enterprise is not an ACTIVE member of the cluster; the problem names it and its state. */
class OfficerNotMemberException extends UnprocessableException {

    OfficerNotMemberException(String clusterId, String enterpriseId, String state) {
        super("officer-not-member", "Officer is not an active member",
                "Enterprise '" + enterpriseId + "' is not an ACTIVE member of cluster '" + clusterId + "' ("
                        + (state == null ? "it holds no membership" : "its membership is " + state)
                        + "); only active members hold officer seats.");
        withProperty("enterpriseId", enterpriseId);
        withProperty("currentState", state == null ? "NONE" : state);
    }
}
