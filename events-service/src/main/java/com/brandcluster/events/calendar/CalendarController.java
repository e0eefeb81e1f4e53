package com.brandcluster.events.calendar;

import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.event.ExchangeEvents;
import com.brandcluster.platform.security.Caller;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @ApiResponse(responseCode = "200", description = "The event as iCalendar (RFC 5545)",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    ResponseEntity<String> calendar(@PathVariable String eventId, Caller caller) {
        ExchangeEvent event = events.readable(eventId, caller);
        return Calendars.download(EventCalendar.render(event), "event-" + event.id());
    }
}
