package com.brandcluster.platform.web;

import org.springframework.http.HttpStatus;

/**
 * 404 with type {@code urn:brandcluster:problem:not-found}: {@code new NotFoundException("Cluster", "lighting")}
 * answers "Cluster lighting was not found." with members {@code resource} and {@code id}.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, String id) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not Found", what + " " + id + " was not found.");
        withProperty("resource", what);
        withProperty("id", id);
    }

    /** For subclasses with their own type slug and wording. */
    protected NotFoundException(String type, String title, String detail) {
        super(HttpStatus.NOT_FOUND, type, title, detail);
    }
}
