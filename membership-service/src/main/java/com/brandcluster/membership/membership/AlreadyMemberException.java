package com.brandcluster.membership.membership;

import com.brandcluster.platform.web.ConflictException;

public class AlreadyMemberException extends ConflictException {

    public AlreadyMemberException(String clusterId) {
        super("already-member", "Already a member",
                "The enterprise holds a membership of cluster '" + clusterId + "' already.");
    }
}
