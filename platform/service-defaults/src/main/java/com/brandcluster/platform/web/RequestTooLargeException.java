package com.brandcluster.platform.web;

import java.io.IOException;

/**
 * Thrown while reading a request body that turns out to be larger than {@code brandcluster.web.max-request-bytes}
 * (a chunked body, whose length is not known up front). An {@link IOException}, so that every body reader passes it
 * on; the platform's exception handling answers 413.
 */
public class RequestTooLargeException extends IOException {

    private final long limit;

    public RequestTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The request-too-large exception in a cause chain, if there is one. */
    static RequestTooLargeException find(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
