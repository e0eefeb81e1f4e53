package com.brandcluster.salons.salon;

import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** 403: the enterprise is not an ACTIVE (or GRACE) member of the salon's cluster. */
class NotAMemberException extends DomainException {

    NotAMemberException(String clusterId) {
        super(HttpStatus.FORBIDDEN, "not-a-member", "Not a member",
                "Only enterprises that are members in good standing of cluster '" + clusterId + "' register for its salons.");
    }
}
