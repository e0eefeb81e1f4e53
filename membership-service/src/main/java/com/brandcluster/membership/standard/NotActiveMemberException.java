package com.brandcluster.membership.standard;

import com.brandcluster.platform.web.UnprocessableException;

/** 422: only an ACTIVE member declares standards; the problem names the membership's state (NONE without one). */
class NotActiveMemberException extends UnprocessableException {

    NotActiveMemberException(String clusterId, String enterpriseId, String state) {
        super("not-active-member", "Not an active member",
                "Enterprise '" + enterpriseId + "' is not an ACTIVE member of cluster '" + clusterId + "' ("
                        + (state == null ? "it holds no membership" : "its membership is " + state) + ").");
        withProperty("currentState", state == null ? "NONE" : state);
    }
}
