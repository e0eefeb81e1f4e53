package com.brandcluster.platform.web;

import java.net.URI;

import com.brandcluster.platform.observability.ReactiveTraceIds;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes problem details on a reactive exchange: used by the reactive security entry points, the reactive error
 * handler and the gateway's own failure answers (502/503/504). Adds {@code instance} and {@code traceId}.
 *
 * <pre>{@code
 * return problemWriter.write(exchange, HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad Gateway",
 *         "The membership service answered with an error.");
 * }</pre>
 */
public final class ReactiveProblemWriter {

    private final JsonMapper jsonMapper;

    public ReactiveProblemWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** Writes a problem with the given status, type slug, title and client-safe detail. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String slug, String title,
            String detail) {
        return write(exchange, Problems.of(status, slug, title, detail));
    }

    /** Writes a problem with the platform's defaults for the status. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status) {
        return write(exchange, Problems.forStatus(status));
    }

    /** Writes the problem as {@code application/problem+json}; an error if the response is already committed. */
    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(new IllegalStateException("Response already committed"));
        }
        complete(problem, exchange);
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = jsonMapper.writeValueAsBytes(Problems.toMap(problem));
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    /** Fills in {@code instance} (the request path) and {@code traceId} when missing; returns the same problem. */
    public static ProblemDetail complete(ProblemDetail problem, ServerWebExchange exchange) {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey(Problems.TRACE_ID)) {
            problem.setProperty(Problems.TRACE_ID, ReactiveTraceIds.of(exchange));
        }
        return problem;
    }
}
