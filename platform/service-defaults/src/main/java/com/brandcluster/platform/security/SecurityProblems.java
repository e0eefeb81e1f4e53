package com.brandcluster.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import com.brandcluster.platform.web.Problems;

/** The 401 and 403 problems of the servlet and reactive security configurations. */
final class SecurityProblems {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    private SecurityProblems() {
    }

    /** A problem and the {@code WWW-Authenticate} challenge to send with it (null: none). */
    record Unauthorized(ProblemDetail problem, @Nullable String challenge) {
    }

    /**
     * The answer to a failed authentication: 503 without a challenge when tokens could not be checked at all (the
     * JWK set was never fetched: Keycloak down since startup), else 401 with a Bearer challenge.
     */
    static Unauthorized unauthorized(AuthenticationException ex) {
        if (ex instanceof AuthenticationServiceException) {
            log.warn("Tokens cannot be validated: {}", ex.getMessage());
            return new Unauthorized(Problems.authenticationUnavailable(), null);
        }
        if (ex instanceof OAuth2AuthenticationException) {
            // why exactly (expired, wrong audience, bad signature) is for the server log, not for the client
            log.debug("Bearer token refused: {}", ex.getMessage());
            return new Unauthorized(Problems.of(HttpStatus.UNAUTHORIZED, "invalid-token", "Unauthorized",
                    "The bearer token is invalid or has expired."), "Bearer error=\"invalid_token\"");
        }
        return new Unauthorized(Problems.forStatus(HttpStatus.UNAUTHORIZED), "Bearer");
    }

    static ProblemDetail forbidden() {
        return Problems.forStatus(HttpStatus.FORBIDDEN);
    }
}
