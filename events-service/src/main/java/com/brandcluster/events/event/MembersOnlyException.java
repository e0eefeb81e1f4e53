package com.brandcluster.events.event;

import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** 403: the event is for the cluster's members, and the caller does not act for one. */
class MembersOnlyException extends DomainException {

    MembersOnlyException(String clusterId) {
        super(HttpStatus.FORBIDDEN, "members-only", "Members only",
                "This event is open to members of cluster '" + clusterId + "' and its secretariat only.");
    }
}
