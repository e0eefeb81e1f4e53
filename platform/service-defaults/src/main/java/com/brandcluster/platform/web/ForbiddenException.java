package com.brandcluster.platform.web;

import org.springframework.http.HttpStatus;

/**
 * 403 with type {@code urn:brandcluster:problem:forbidden}: the caller is authenticated but may not act on this
 * object (a secretariat of another cluster, an enterprise acting for another enterprise).
 */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }
}
