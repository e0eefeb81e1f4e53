package com.brandcluster.events.calendar;

import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.ExchangeEvents;
import com.brandcluster.platform.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/** An event's calendar entry, for whoever may read the event. */
@RestController
class CalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final ExchangeEvents events;

    CalendarController(ExchangeEvents events) {
        this.events = events;
    }

    @GetMapping("/api/events/events/{eventId}/calendar")
    ResponseEntity<String> calendar(@PathVariable String eventId, Caller caller) {
        ExchangeEvent event = events.readable(eventId, caller);
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("event-" + event.id() + ".ics").build().toString())
                .body(EventCalendar.render(event));
    }
}
