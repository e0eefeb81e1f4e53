package com.brandcluster.events.board;

import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** 403: the caller's enterprise is not an ACTIVE (or GRACE) member of the board's cluster. */
class NotAMemberException extends DomainException {

    NotAMemberException(String clusterId) {
        super(HttpStatus.FORBIDDEN, "not-a-member", "Not a member",
                "The cooperation board of cluster '" + clusterId + "' is open to its members in good standing and its"
                        + " secretariat only.");
    }
}
