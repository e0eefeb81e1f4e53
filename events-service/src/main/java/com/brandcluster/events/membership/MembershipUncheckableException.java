package com.brandcluster.events.membership;

import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/**
 * 503 {@code membership-unavailable}: the enterprise's membership is not known here yet and membership-service could
 * not tell. Nothing is decided on a membership nobody could check; the client may try again shortly.
 */
public class MembershipUncheckableException extends DomainException {

    MembershipUncheckableException(String clusterId, String enterpriseId, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "membership-unavailable", "Membership could not be checked",
                "Whether enterprise " + enterpriseId + " is a member of cluster " + clusterId
                        + " could not be checked just now; nothing was changed. Try again shortly.", cause);
    }
}
