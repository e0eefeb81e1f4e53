package com.brandcluster.platform.membership;

import org.springframework.http.HttpStatus;

import com.brandcluster.platform.web.DomainException;

/**
 * The service does not know the enterprise's membership yet and membership-service could not tell (down, slow, its
 * circuit open, or it refused the lookup): a 503 problem {@code urn:brandcluster:problem:membership-unavailable}.
 * Nothing is booked on an unknown membership; the client may try again shortly.
 */
public class MembershipUncheckableException extends DomainException {

    MembershipUncheckableException(String clusterId, String enterpriseId, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "membership-unavailable", "Membership could not be checked",
                "The membership of enterprise " + enterpriseId + " in cluster " + clusterId
                        + " could not be checked right now; nothing was changed. Try again shortly.", cause);
    }
}
