package com.brandcluster.salons.consultation;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.PageView;
import com.brandcluster.salons.calendar.CalendarEntry;
import com.brandcluster.salons.calendar.ICalendars;
import com.brandcluster.salons.consultation.ConsultationRequests.ConsultationView;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.util.Locale;

@RestController
@Validated
@RequestMapping("/api/salons/consultations")
class ConsultationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Marks the answer to a retry: the booking was made by the first request with the key. */
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private final ConsultationBooking booking;
    private final Consultations consultations;

    ConsultationController(ConsultationBooking booking, Consultations consultations) {
        this.booking = booking;
        this.consultations = consultations;
    }

    /** A user acting for a member enterprise books a slot; a retry with the same Idempotency-Key books nothing more. */
    @PostMapping
    ResponseEntity<ConsultationView> book(@Valid @RequestBody ConsultationRequests.Book request,
                                          @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                                          @Pattern(regexp = ConsultationRequests.IDEMPOTENCY_KEY,
                                                  message = "must be 1 to 255 visible ASCII characters")
                                          String idempotencyKey,
                                          Caller caller) {
        ConsultationBooking.Booked booked = booking.book(request, idempotencyKey, caller);
        ResponseEntity.BodyBuilder response = ResponseEntity.created(ServletUriComponentsBuilder
                .fromCurrentContextPath().path("/api/salons/consultations/{id}")
                .buildAndExpand(booked.consultation().id()).toUri());
        if (booked.replayed()) {
            response.header(IDEMPOTENT_REPLAYED, "true");
        }
        return response.body(ConsultationView.of(booked.consultation()));
    }

    @GetMapping
    PageView<ConsultationView> list(@RequestParam(required = false) Consultation.State state,
                                    @RequestParam(required = false) Instant from,
                                    @RequestParam(required = false) Instant to,
                                    @RequestParam(required = false)
                                    @Pattern(regexp = ConsultationRequests.CLUSTER_ID) String clusterId,
                                    @RequestParam(required = false) Boolean flagged,
                                    @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                    Caller caller) {
        return PageView.of(consultations.list(new Consultations.Filter(state, from, to, clusterId, flagged), caller,
                PageRequest.of(page, size, Sort.by("start", "_id"))), ConsultationView::of);
    }

    @GetMapping("/{consultationId}")
    ConsultationView get(@PathVariable String consultationId, Caller caller) {
        return ConsultationView.of(consultations.get(consultationId, caller));
    }

    @PostMapping("/{consultationId}/confirmation")
    ConsultationView confirm(@PathVariable String consultationId, Caller caller) {
        return ConsultationView.of(consultations.confirm(consultationId, caller));
    }

    @PostMapping("/{consultationId}/cancellation")
    ConsultationView cancel(@PathVariable String consultationId,
                            @Valid @RequestBody ConsultationRequests.Cancel request, Caller caller) {
        return ConsultationView.of(consultations.cancel(consultationId, request.reason(), caller));
    }

    @PostMapping("/{consultationId}/reschedule")
    ConsultationView reschedule(@PathVariable String consultationId,
                                @Valid @RequestBody ConsultationRequests.Reschedule request, Caller caller) {
        return ConsultationView.of(consultations.reschedule(consultationId, request.start(), caller));
    }

    @PostMapping("/{consultationId}/completion")
    ConsultationView complete(@PathVariable String consultationId, Caller caller) {
        return ConsultationView.of(consultations.complete(consultationId, caller));
    }

    @PostMapping("/{consultationId}/no-show")
    ConsultationView noShow(@PathVariable String consultationId, Caller caller) {
        return ConsultationView.of(consultations.noShow(consultationId, caller));
    }

    /**
     * The consultation as an iCalendar event: its UID stays for its whole life and its SEQUENCE is its version, so
     * importing it again moves a rescheduled event and removes a cancelled one; TENTATIVE while pending.
     */
    @GetMapping("/{consultationId}/calendar")
    @ApiResponse(responseCode = "200", description = "The consultation as iCalendar (RFC 5545)",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    ResponseEntity<String> calendar(@PathVariable String consultationId, Caller caller) {
        Consultation c = consultations.get(consultationId, caller);
        String topic = c.topic().name().charAt(0) + c.topic().name().substring(1).toLowerCase(Locale.ROOT)
                .replace('_', ' ');
        CalendarEntry.Status status = switch (c.state()) {
            case PENDING -> CalendarEntry.Status.TENTATIVE;
            case CANCELLED -> CalendarEntry.Status.CANCELLED;
            case CONFIRMED, COMPLETED, NO_SHOW -> CalendarEntry.Status.CONFIRMED;
        };
        CalendarEntry entry = new CalendarEntry("consultation-" + c.id() + "@brand-cluster", c.version(), c.start(),
                c.end(), "Consultation with " + c.expertName() + ": " + topic,
                "Topic: " + topic + (c.note() == null ? "" : "\n\n" + c.note()), null, null, status, c.updatedAt(),
                c.expertName());
        return ICalendars.download(entry, "consultation-" + c.id());
    }
}
