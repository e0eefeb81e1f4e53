package com.brandcluster.events.calendar;

import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.ExchangeEvents;
import com.brandcluster.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An event's calendar entry, for whoever may read the event. */
@RestController
class CalendarController {

    private final ExchangeEvents events;

    CalendarController(ExchangeEvents events) {
        this.events = events;
    }

    @GetMapping("/api/events/events/{eventId}/calendar")
    ResponseEntity<String> calendar(@PathVariable String eventId, Caller caller) {
        ExchangeEvent event = events.readable(eventId, caller);
        return Calendars.download(EventCalendar.render(event), "event-" + event.id());
    }
}
