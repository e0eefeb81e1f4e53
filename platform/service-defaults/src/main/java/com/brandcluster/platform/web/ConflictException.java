package com.brandcluster.platform.web;

import org.springframework.http.HttpStatus;

/**
 * 409: the request conflicts with the current state of the resource (a slot already taken, a stale version, a second
 * vote). Example: {@code new ConflictException("slot-taken", "Slot already booked", "The slot 10:00 is taken.")}.
 */
public class ConflictException extends DomainException {

    public ConflictException(String type, String title, String detail) {
        super(HttpStatus.CONFLICT, type, title, detail);
    }

    /** For an illegal state transition: the problem names the state the object is in ({@code currentState}). */
    public ConflictException withCurrentState(String state) {
        withProperty("currentState", state);
        return this;
    }
}
