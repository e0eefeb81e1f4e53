package com.brandcluster.platform.feign;

import org.springframework.http.HttpStatus;

import com.brandcluster.platform.web.DomainException;

/**
 * A service this request depends on could not answer: 5xx, connection refused or reset, timeout, or its circuit
 * breaker is open. Answered as a 503 problem ({@code urn:brandcluster:problem:service-unavailable}) with a generic
 * detail; the cause stays in the server log.
 */
public class RemoteServiceUnavailableException extends DomainException {

    private final String methodKey;
    private final String reason;

    public RemoteServiceUnavailableException(String methodKey, String reason, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service Unavailable",
                "A service this request depends on is unavailable; try again later.", cause);
        this.methodKey = methodKey;
        this.reason = reason;
    }

    /** The Feign method that was called, e.g. {@code DirectoryClient#enterprise(String)}. */
    public String methodKey() {
        return methodKey;
    }

    /** Why, for logs: {@code status 503}, {@code timeout}, {@code circuit open}, {@code connection failed}. */
    public String reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return methodKey + ": " + reason;
    }
}
