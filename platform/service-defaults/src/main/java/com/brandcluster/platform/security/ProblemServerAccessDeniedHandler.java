package com.brandcluster.platform.security;

import reactor.core.publisher.Mono;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import com.brandcluster.platform.web.ReactiveProblemWriter;

/** The reactive 403 as a problem detail. */
public final class ProblemServerAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ReactiveProblemWriter writer;

    public ProblemServerAccessDeniedHandler(ReactiveProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return writer.write(exchange, SecurityProblems.forbidden());
    }
}
