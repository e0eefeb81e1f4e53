package com.brandcluster.platform.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one exception handler of every service: turns every exception a controller lets escape into an RFC 9457 problem
 * detail with {@code traceId}. Domain exceptions keep their status, type, title and detail; Spring MVC's own
 * exceptions get the platform's types; anything unexpected is a 500 with a generic detail (logged with its stack
 * trace, never echoed). Request bodies: bean validation lists the fields, unknown properties are named, unreadable
 * JSON is a 400, bodies over the size limit a 413.
 * <p>
 * It has the lowest precedence: a service's own {@code @RestControllerAdvice} for a specific exception wins.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

    private static final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> handleDomainException(DomainException ex, WebRequest request) {
        if (ex.status().is5xxServerError()) {
            log.warn("{} answered {}: {}", ex.getClass().getSimpleName(), ex.status().value(), ex.getMessage());
        }
        else {
            log.debug("{} answered {}: {}", ex.getClass().getSimpleName(), ex.status().value(), ex.getMessage());
        }
        return respond(Problems.of(ex), new HttpHeaders(), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || trustResolver.isAnonymous(authentication)) {
            return respond(Problems.forStatus(HttpStatus.UNAUTHORIZED), bearerChallenge(), request);
        }
        return respond(Problems.forStatus(HttpStatus.FORBIDDEN), new HttpHeaders(), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
        if (ex instanceof AuthenticationServiceException) {
            log.warn("Authentication could not be performed: {}", ex.getMessage());
            return respond(Problems.authenticationUnavailable(), new HttpHeaders(), request);
        }
        return respond(Problems.forStatus(HttpStatus.UNAUTHORIZED), bearerChallenge(), request);
    }

    /**
     * Bean validation by a {@code @Validated} class (a controller so annotated, or a service validating its
     * arguments): 400 with the offending parameters and properties.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
            errors.add(new Problems.FieldError(path(violation.getPropertyPath()), violation.getMessage()));
        }
        return respond(Problems.validation(errors), new HttpHeaders(), request);
    }

    /** A violation's path without the method or constructor node: {@code number}, {@code member.address.city}. */
    private static String path(Path path) {
        StringBuilder result = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getName() == null) {
                continue;
            }
            if (!result.isEmpty()) {
                result.append('.');
            }
            result.append(node.getName());
            if (node.getIndex() != null) {
                result.append('[').append(node.getIndex()).append(']');
            }
        }
        return result.toString();
    }

    /** A multipart body that cannot be parsed (no boundary, truncated): the client's fault, a 400. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleMalformedMultipart(MultipartException ex, WebRequest request) {
        RequestTooLargeException tooLarge = RequestTooLargeException.find(ex);
        if (tooLarge != null) {
            return handleRequestTooLarge(tooLarge, request);
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                "The multipart request body cannot be read."), new HttpHeaders(), request);
    }

    /**
     * The database cannot be reached (no server selected within the timeout, connection refused or lost): 503, so
     * that clients and the gateway see a passing outage, not a bug.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, MongoTimeoutException.class,
            MongoSocketException.class})
    ResponseEntity<Object> handleDatabaseUnavailable(Exception ex, WebRequest request) {
        log.warn("Database unavailable: {}", ex.getClass().getSimpleName());
        return respond(Problems.databaseUnavailable(), new HttpHeaders(), request);
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ResponseEntity<Object> handleRequestTooLarge(RequestTooLargeException ex, WebRequest request) {
        return respond(RequestSizeLimitFilter.tooLarge(ex.limit()), closeConnection(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        RequestTooLargeException tooLarge = RequestTooLargeException.find(ex);
        if (tooLarge != null) {
            return handleRequestTooLarge(tooLarge, request);
        }
        return internalError(ex, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(Problems.validation(fieldErrors(ex.getBindingResult(), null)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String parameter = result.getMethodParameter().getParameterName();
            if (result instanceof ParameterErrors parameterErrors) {
                errors.addAll(fieldErrors(parameterErrors, parameter));
            }
            else {
                result.getResolvableErrors().forEach(error -> errors.add(
                        new Problems.FieldError(parameter != null ? parameter : "", message(error))));
            }
        });
        return respond(Problems.validation(errors), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestTooLargeException tooLarge = RequestTooLargeException.find(ex);
        if (tooLarge != null) {
            return handleRequestTooLarge(tooLarge, request);
        }
        UnrecognizedPropertyException unknown = find(ex, UnrecognizedPropertyException.class);
        if (unknown != null) {
            String property = path(unknown, unknown.getPropertyName());
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unknown-property", "Unknown property",
                    "The request body has a property this endpoint does not accept: " + property + ".");
            problem.setProperty(Problems.ERRORS, List.of(new Problems.FieldError(property, "is not a known property")));
            return respond(problem, headers, request);
        }
        MismatchedInputException mismatch = find(ex, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            return respond(Problems.validation(List.of(
                    new Problems.FieldError(path(mismatch, null), "has a value of the wrong type or format"))),
                    headers, request);
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                "The request body is missing or is not valid JSON."), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "";
        return respond(Problems.validation(List.of(new Problems.FieldError(name, "has an invalid value"))), headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(Problems.validation(List.of(new Problems.FieldError(ex.getParameterName(), "is required"))),
                headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.forStatus(status);
        if (!ex.getSupportedMediaTypes().isEmpty()) {
            problem.setDetail("This content type is not supported here; use "
                    + MediaType.toString(ex.getSupportedMediaTypes()) + ".");
        }
        return respond(problem, headers, request);
    }

    /**
     * Every other Spring MVC exception arrives here with Spring's problem detail: keep its status and (client-safe)
     * detail for 4xx, give it the platform's type and title, never a detail for 5xx.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            return internalError(ex, status, headers, request);
        }
        ProblemDetail problem = Problems.forStatus(status);
        if (body instanceof ProblemDetail spring && spring.getDetail() != null && ex instanceof ErrorResponse
                && keepsSpringDetail(ex)) {
            problem.setDetail(spring.getDetail());
        }
        return respond(problem, headers, request);
    }

    private static boolean keepsSpringDetail(Exception ex) {
        // Details written by the application (ResponseStatusException reasons) or by Spring MVC for request
        // problems (method, media type, missing parameter): made for clients, and they never carry infrastructure
        // messages. Spring's 404 for a missing resource names the path: replaced by the generic detail.
        return !(ex instanceof NoResourceFoundException) && !(ex instanceof NoHandlerFoundException)
                && (ex instanceof ErrorResponseException
                        || ex.getClass().getPackageName().startsWith("org.springframework.web"));
    }

    private ResponseEntity<Object> internalError(Exception ex, WebRequest request) {
        return internalError(ex, HttpStatus.INTERNAL_SERVER_ERROR, new HttpHeaders(), request);
    }

    private ResponseEntity<Object> internalError(Exception ex, HttpStatusCode status, HttpHeaders headers,
            WebRequest request) {
        ProblemDetail problem = Problems.forStatus(status);
        HttpServletRequest servletRequest = servletRequest(request);
        if (servletRequest != null) {
            ServletProblemWriter.complete(problem, servletRequest);
        }
        log.error("Request {} {} failed with {} (traceId {})", method(servletRequest), path(servletRequest),
                status.value(), problem.getProperties() != null ? problem.getProperties().get(Problems.TRACE_ID) : null,
                ex);
        return respond(problem, headers, request);
    }

    private @Nullable ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers,
            WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest) {
            HttpServletResponse response = nativeRequest.getNativeResponse(HttpServletResponse.class);
            if (response != null && response.isCommitted()) {
                // too late for a problem detail (a streamed body failed half-way): the error is logged, the
                // connection is what the client sees
                return null;
            }
        }
        HttpServletRequest servletRequest = servletRequest(request);
        if (servletRequest != null) {
            ServletProblemWriter.complete(problem, servletRequest);
        }
        HttpHeaders responseHeaders = new HttpHeaders();
        responseHeaders.putAll(headers);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(responseHeaders).body(problem);
    }

    private static List<Problems.FieldError> fieldErrors(Errors result, @Nullable String prefix) {
        List<Problems.FieldError> errors = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            errors.add(new Problems.FieldError(join(prefix, error.getField()), message(error)));
        }
        result.getGlobalErrors().forEach(error ->
                errors.add(new Problems.FieldError(prefix != null ? prefix : error.getObjectName(), message(error))));
        return errors;
    }

    private static String join(@Nullable String prefix, String field) {
        return prefix == null || prefix.isEmpty() ? field : prefix + "." + field;
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid";
    }

    private static String path(JacksonException ex, @Nullable String fallback) {
        return Problems.jsonPath(ex, fallback);
    }

    private static <T extends Throwable> @Nullable T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static HttpHeaders bearerChallenge() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return headers;
    }

    private static HttpHeaders closeConnection() {
        // the rest of an oversized body is not read: let the client know the connection will not be reused
        HttpHeaders headers = new HttpHeaders();
        headers.setConnection("close");
        return headers;
    }

    private static @Nullable HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
    }

    private static String method(@Nullable HttpServletRequest request) {
        return request != null ? request.getMethod() : "?";
    }

    private static String path(@Nullable HttpServletRequest request) {
        return request != null ? request.getRequestURI() : "?";
    }
}
