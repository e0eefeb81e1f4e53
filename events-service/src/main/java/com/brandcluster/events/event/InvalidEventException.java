package com.brandcluster.events.event;

import com.brandcluster.platform.web.UnprocessableException;

/** 422: the event's fields are each valid but together break a rule (it ends before it starts, ...). */
class InvalidEventException extends UnprocessableException {

    InvalidEventException(String detail) {
        super("invalid-event", "Invalid event", detail);
    }
}
