package com.brandcluster.platform.web;

import org.springframework.http.HttpStatus;

/**
 * 422: the request is well-formed and valid field by field, but a business rule refuses it (an application that is
 * not SUBMITTED cannot be approved). Example:
 * {@code new UnprocessableException("application-not-submitted", "Application is not submitted", "...")}.
 */
public class UnprocessableException extends DomainException {

    public UnprocessableException(String type, String title, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, type, title, detail);
    }
}
