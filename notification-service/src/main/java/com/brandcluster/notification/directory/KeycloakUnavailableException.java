package com.brandcluster.notification.directory;

import org.jspecify.annotations.Nullable;

/** Keycloak could not tell who a user is: unreachable, too slow, or refusing the service account. */
public class KeycloakUnavailableException extends RuntimeException {

    KeycloakUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
