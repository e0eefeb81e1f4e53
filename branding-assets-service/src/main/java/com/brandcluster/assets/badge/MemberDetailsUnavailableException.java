package com.brandcluster.assets.badge;

import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** 503: the membership is known, but not yet the legal name or member number a badge must show. */
class MemberDetailsUnavailableException extends DomainException {

    MemberDetailsUnavailableException(String clusterId) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "member-details-unavailable", "Member details not yet available",
                "Your membership of cluster '" + clusterId + "' is known, but not yet its legal name and member "
                        + "number; try again in a minute.");
    }
}
