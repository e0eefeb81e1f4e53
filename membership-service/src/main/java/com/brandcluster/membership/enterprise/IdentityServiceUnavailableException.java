package com.brandcluster.membership.enterprise;

import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** Keycloak did not answer, or answered with an error, after the configured retries. Nothing was half-applied. */
public class IdentityServiceUnavailableException extends DomainException {

    public IdentityServiceUnavailableException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "identity-service-unavailable", "Identity service unavailable",
                "The identity service could not be reached to update your account. Nothing was lost: "
                        + "send the same request again in a moment.");
    }
}
