package com.brandcluster.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Answers the servlet container's error dispatches ({@code /error}: exceptions thrown by filters, {@code sendError}
 * calls, the container's own limits) with a problem detail instead of Boot's whitelabel page or error JSON. It never
 * shows the exception's message.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ErrorAttributes errorAttributes;

    ProblemErrorController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Throwable error = errorAttributes.getError(new ServletWebRequest(request));
        ProblemDetail problem = ServletProblemWriter.complete(problemFor(status(request), error), request);
        if (error instanceof AuthenticationServiceException) {
            log.warn("Request {} refused: tokens cannot be validated ({})",
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), error.getMessage());
        }
        else if (problem.getStatus() >= 500) {
            log.error("Request {} failed with {} (traceId {})", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    problem.getStatus(), problem.getProperties().get(Problems.TRACE_ID), error);
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ProblemDetail problemFor(HttpStatus status, Throwable error) {
        if (error instanceof DomainException domain) {
            return Problems.of(domain);
        }
        if (error instanceof AuthenticationServiceException) {
            return Problems.authenticationUnavailable();
        }
        RequestTooLargeException tooLarge = error != null ? RequestTooLargeException.find(error) : null;
        if (tooLarge != null) {
            return RequestSizeLimitFilter.tooLarge(tooLarge.limit());
        }
        return Problems.forStatus(status);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null && status.isError()) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
