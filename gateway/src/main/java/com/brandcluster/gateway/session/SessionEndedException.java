package com.brandcluster.gateway.session;

import com.brandcluster.platform.web.DomainException;

import org.springframework.http.HttpStatus;

/**
 * 401 {@code urn:brandcluster:problem:session-ended}: the browser session had a login, but its tokens can no longer
 * be refreshed (the Keycloak session ended, was logged out elsewhere, or the user was disabled). The gateway session
 * is invalidated with it; the browser logs in again.
 */
class SessionEndedException extends DomainException {

    SessionEndedException() {
        super(HttpStatus.UNAUTHORIZED, "session-ended", "Unauthorized", "The session has ended. Log in again.");
    }
}
