package com.brandcluster.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * The reactive twin of the servlet exception handling, for the gateway's own errors: every exception that reaches
 * the WebFlux error handling becomes a problem detail with {@code traceId}. Ordered before Boot's
 * {@code DefaultErrorWebExceptionHandler}; unexpected exceptions are a 500 with a generic detail (logged with the
 * stack trace, never echoed).
 */
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    private final ReactiveProblemWriter writer;

    ProblemErrorWebExceptionHandler(ReactiveProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        ProblemDetail problem = problemFor(ex);
        if (ex instanceof AuthenticationServiceException) {
            log.warn("Request {} refused: tokens cannot be validated ({})", exchange.getRequest().getPath().value(),
                    ex.getMessage());
        }
        else if (problem.getStatus() >= 500 && !(ex instanceof DomainException)) {
            ReactiveProblemWriter.complete(problem, exchange);
            log.error("Request {} {} failed with {} (traceId {})", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), problem.getStatus(),
                    problem.getProperties().get(Problems.TRACE_ID), ex);
        }
        ErrorResponse errorResponse = ex instanceof ErrorResponse response ? response : null;
        if (errorResponse != null) {
            errorResponse.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().put(name, values));
        }
        return writer.write(exchange, problem);
    }

    static ProblemDetail problemFor(Throwable ex) {
        if (ex instanceof DomainException domain) {
            return Problems.of(domain);
        }
        if (ex instanceof AuthenticationServiceException) {
            return Problems.authenticationUnavailable();
        }
        if (ex instanceof AuthenticationException) {
            return Problems.forStatus(HttpStatus.UNAUTHORIZED);
        }
        if (ex instanceof AccessDeniedException) {
            return Problems.forStatus(HttpStatus.FORBIDDEN);
        }
        if (hasCause(ex, DataBufferLimitException.class)) {
            return Problems.forStatus(HttpStatus.CONTENT_TOO_LARGE);
        }
        if (ex instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            ProblemDetail problem = Problems.forStatus(status);
            String detail = response.getBody().getDetail();
            // WebFlux's own 4xx details describe the request (method, media type, missing parameter); input errors
            // can carry a decoder's message, so they get the generic detail.
            if (status.is4xxClientError() && detail != null && !(ex instanceof ServerWebInputException)
                    && status.value() != 404) {
                problem.setDetail(detail);
            }
            return problem;
        }
        return Problems.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
