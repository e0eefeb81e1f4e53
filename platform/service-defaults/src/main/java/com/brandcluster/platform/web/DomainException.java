package com.brandcluster.platform.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.http.HttpStatus;

/**
 * A business rule said no. Rendered as an RFC 9457 problem detail by the platform's exception handling: the
 * {@link #status()}, the type {@code urn:brandcluster:problem:<type>}, the {@link #title()}, the {@link #detail()} and
 * any {@link #properties()} as extra members, plus {@code traceId}.
 * <p>
 * The detail reaches the client as it is: write it for the client, never put an infrastructure message or personal
 * data of somebody else in it.
 */
public abstract class DomainException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final String detail;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    /**
     * @param status the HTTP status the problem is answered with (4xx, or 503 for a dependency that is down)
     * @param type   the problem type slug, e.g. {@code application-not-submitted}; becomes
     *               {@code urn:brandcluster:problem:application-not-submitted}
     * @param title  a short, human-readable summary of the problem type (the same for every occurrence)
     * @param detail an explanation specific to this occurrence, safe to show to the client
     */
    protected DomainException(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    protected DomainException(HttpStatus status, String type, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = Objects.requireNonNull(status, "status");
        this.type = Objects.requireNonNull(type, "type");
        this.title = Objects.requireNonNull(title, "title");
        this.detail = detail;
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem type slug (without the {@code urn:brandcluster:problem:} prefix). */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** Extra members of the problem detail, e.g. {@code clusterId}; a read-only view. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** Adds an extra member to the problem detail; returns this exception for chaining. */
    protected DomainException withProperty(String name, Object value) {
        properties.put(Objects.requireNonNull(name, "name"), value);
        return this;
    }
}
