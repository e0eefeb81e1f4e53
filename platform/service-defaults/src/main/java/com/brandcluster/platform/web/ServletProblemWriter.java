package com.brandcluster.platform.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.brandcluster.platform.observability.ServletTraceIds;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a problem detail straight to a servlet response, for code that runs outside Spring MVC's exception handling
 * (security entry points, servlet filters). Adds {@code instance} and {@code traceId} when they are missing.
 */
public final class ServletProblemWriter {

    private final JsonMapper jsonMapper;

    public ServletProblemWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** Fills in {@code instance} (the request path) and {@code traceId} when missing; returns the same problem. */
    public static ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getInstance() == null) {
            Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            String path = original instanceof String uri ? uri : request.getRequestURI();
            try {
                problem.setInstance(URI.create(path));
            }
            catch (IllegalArgumentException ex) {
                // a path that is not a valid URI reference: leave instance out rather than echo it
            }
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey(Problems.TRACE_ID)) {
            problem.setProperty(Problems.TRACE_ID, ServletTraceIds.of(request));
        }
        return problem;
    }

    /**
     * Writes the problem as {@code application/problem+json} with its status and a {@code Content-Length} (not chunked:
     * a client still sending a refused body reads the whole answer), unless the response is committed.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        complete(problem, request);
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] body = jsonMapper.writeValueAsBytes(Problems.toMap(problem));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
