package com.brandcluster.platform.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

import com.brandcluster.platform.web.ReactiveProblemWriter;

/** The reactive 401: a problem detail with a {@code WWW-Authenticate: Bearer} challenge. */
public final class ProblemServerAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ReactiveProblemWriter writer;

    public ProblemServerAuthenticationEntryPoint(ReactiveProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        SecurityProblems.Unauthorized unauthorized = SecurityProblems.unauthorized(ex);
        if (unauthorized.challenge() != null) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, unauthorized.challenge());
        }
        return writer.write(exchange, unauthorized.problem());
    }
}
