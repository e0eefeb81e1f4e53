package com.brandcluster.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.brandcluster.platform.web.ServletProblemWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as a problem detail, with a {@code WWW-Authenticate: Bearer} challenge. The reason a token was refused stays in
 * the server (debug log): the client learns only that it was invalid.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ServletProblemWriter writer;

    ProblemAuthenticationEntryPoint(ServletProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        SecurityProblems.Unauthorized unauthorized = SecurityProblems.unauthorized(authException);
        if (unauthorized.challenge() != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, unauthorized.challenge());
        }
        writer.write(request, response, unauthorized.problem());
    }
}
