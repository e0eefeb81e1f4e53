package com.brandcluster.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The platform's problem-detail vocabulary (RFC 9457): type URIs {@code urn:brandcluster:problem:<slug>}, default
 * slugs, titles and client-safe details per HTTP status, and the JSON shape every error answer has:
 * {@code type, title, status, detail, instance, traceId} plus extra members such as {@code errors}.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:brandcluster:problem:";

    /** Member with the list of {@link FieldError}s of a validation problem. */
    public static final String ERRORS = "errors";

    /** Member with the trace id of the request. */
    public static final String TRACE_ID = "traceId";

    private Problems() {
    }

    /** {@code urn:brandcluster:problem:<slug>}. */
    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }

    /** A problem with the given status, type slug, title and (client-safe) detail. */
    public static ProblemDetail of(HttpStatusCode status, String slug, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(type(slug));
        problem.setTitle(title);
        problem.setDetail(detail);
        return problem;
    }

    /** A problem for a status with the platform's default slug, title and detail. */
    public static ProblemDetail forStatus(HttpStatusCode status) {
        return of(status, slug(status), title(status), detail(status));
    }

    /** A problem for a domain exception: its status, type, title, detail and extra members. */
    public static ProblemDetail of(DomainException ex) {
        ProblemDetail problem = of(ex.status(), ex.type(), ex.title(), ex.detail());
        ex.properties().forEach(problem::setProperty);
        return problem;
    }

    /**
     * 503 when tokens cannot be checked at all: the identity provider's keys could not be fetched yet (Keycloak down
     * since this service started). Not the client's fault, so not a 401.
     */
    public static ProblemDetail authenticationUnavailable() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "authentication-unavailable", "Service Unavailable",
                "Tokens cannot be checked right now; try again later.");
    }

    /**
     * 503 when the service cannot reach its database (MongoDB down or unreachable): not the client's fault, and it
     * passes by itself; the database's error is never echoed.
     */
    public static ProblemDetail databaseUnavailable() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Service Unavailable",
                "The service cannot reach its database right now; try again later.");
    }

    /** A 400 validation problem listing the offending fields. */
    public static ProblemDetail validation(List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                errors.size() == 1 ? "One field is invalid." : errors.size() + " fields are invalid.");
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    /** The default type slug for a status, e.g. {@code not-found} for 404. */
    public static String slug(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 429 -> "too-many-requests";
            case 500 -> "internal-error";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> "http-" + status.value();
        };
    }

    /** The default title for a status (its reason phrase, or "Error"). */
    public static String title(HttpStatusCode status) {
        if (status.value() == 500) {
            return "Internal server error";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error";
    }

    /** A client-safe default detail for a status; never derived from an exception message. */
    public static String detail(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "The request is not valid.";
            case 401 -> "Authentication is required: send a valid bearer token.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This method is not supported here.";
            case 406 -> "No acceptable representation is available.";
            case 409 -> "The request conflicts with the current state of the resource.";
            case 413 -> "The request body is too large.";
            case 415 -> "This content type is not supported here.";
            case 429 -> "Too many requests; try again later.";
            case 502 -> "An upstream service answered with an error.";
            case 503 -> "The service is temporarily unavailable; try again later.";
            case 504 -> "An upstream service did not answer in time.";
            default -> status.is5xxServerError()
                    ? "An unexpected error occurred. Quote the traceId when reporting it."
                    : "The request could not be processed.";
        };
    }

    /**
     * The JSON members of a problem, in the platform's order: {@code type, title, status, detail, instance}, then the
     * extra members (such as {@code traceId} and {@code errors}).
     */
    public static Map<String, Object> toMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        if (problem.getTitle() != null) {
            body.put("title", problem.getTitle());
        }
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(body::putIfAbsent);
        }
        return body;
    }

    /** One invalid field of a validation problem: its path (e.g. {@code address.city}) and what is wrong. */
    public record FieldError(String field, String message) {
    }

    /** The JSON path of a Jackson failure, e.g. {@code address.city} or {@code items[2].name}; else the fallback. */
    public static String jsonPath(JacksonException ex, @Nullable String fallback) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() && fallback != null ? fallback : path.toString();
    }
}
