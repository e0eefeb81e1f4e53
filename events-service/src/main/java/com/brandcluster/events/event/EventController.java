package com.brandcluster.events.event;

import com.brandcluster.events.event.EventDetails.Kind;
import com.brandcluster.events.event.EventRequests.Cancellation;
import com.brandcluster.events.event.EventRequests.EventInput;
import com.brandcluster.events.event.EventRequests.EventView;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.PageView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

@RestController
@Validated
@RequestMapping("/api/events")
class EventController {

    private final ExchangeEvents events;

    EventController(ExchangeEvents events) {
        this.events = events;
    }

    @PostMapping("/clusters/{clusterId}/events")
    ResponseEntity<EventView> create(@PathVariable String clusterId, @Valid @RequestBody EventInput input,
                                     Caller caller) {
        ExchangeEvent event = events.create(clusterId, input, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/events/events/{id}").buildAndExpand(event.id()).toUri())
                .body(EventView.of(event));
    }

    @GetMapping("/clusters/{clusterId}/events")
    PageView<EventView> ofCluster(@PathVariable String clusterId,
                                  @RequestParam(required = false) Kind kind,
                                  @RequestParam(required = false) ExchangeEvents.When when,
                                  @RequestParam(required = false) ExchangeEvent.Status status,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                  Caller caller) {
        return PageView.of(events.ofCluster(clusterId, new ExchangeEvents.Filter(kind, when, status), caller, page,
                size), EventView::of);
    }

    @GetMapping("/events/{eventId}")
    EventView get(@PathVariable String eventId, Caller caller) {
        return EventView.of(events.readable(eventId, caller));
    }

    @PatchMapping(value = "/events/{eventId}", consumes = {"application/json", "application/merge-patch+json"})
    EventView edit(@PathVariable String eventId,
                   @RequestBody @Schema(implementation = EventInput.class) JsonNode patch, Caller caller) {
        return EventView.of(events.edit(eventId, patch, caller));
    }

    @PostMapping("/events/{eventId}/publication")
    EventView publish(@PathVariable String eventId, Caller caller) {
        return EventView.of(events.publish(eventId, caller));
    }

    @PostMapping("/events/{eventId}/cancellation")
    EventView cancel(@PathVariable String eventId, @Valid @RequestBody Cancellation cancellation, Caller caller) {
        return EventView.of(events.cancel(eventId, cancellation.reason(), caller));
    }
}
