package com.brandcluster.events.event;

import com.brandcluster.platform.web.NotFoundException;

/** 404, also for a draft the caller may not see: a draft's existence does not leak. */
public class EventNotFoundException extends NotFoundException {

    public EventNotFoundException(String eventId) {
        super("Event", eventId);
    }
}
