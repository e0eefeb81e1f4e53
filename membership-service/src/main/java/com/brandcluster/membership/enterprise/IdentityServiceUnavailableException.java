package com.brandcluster.membership.enterprise;

import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/**
 * Keycloak could not apply an account change after the configured retries: it did not answer ({@link #unreachable()})
 * or it refused the admin request ({@link #refused()}, a realm or client misconfiguration that retrying will not
 * cure). Nothing was half-applied.
 */
public class IdentityServiceUnavailableException extends DomainException {

    private IdentityServiceUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "identity-service-unavailable", "Identity service unavailable", detail);
    }

    static IdentityServiceUnavailableException unreachable() {
        return new IdentityServiceUnavailableException("The identity service could not be reached to update your "
                + "account. Nothing was lost: send the same request again in a moment.");
    }

    static IdentityServiceUnavailableException refused() {
        return new IdentityServiceUnavailableException("The identity service refused to update your account. "
                + "Nothing was changed; the operators have been alerted. Try again later or contact the cluster "
                + "secretariat if it persists.");
    }
}
