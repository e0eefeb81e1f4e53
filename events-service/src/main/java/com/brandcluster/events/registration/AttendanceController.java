package com.brandcluster.events.registration;

import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.events.registration.AttendanceRequests.AttendanceView;
import com.brandcluster.events.registration.AttendanceRequests.AttendeeEntry;
import com.brandcluster.events.registration.AttendanceRequests.CheckInAttendees;
import com.brandcluster.events.registration.AttendanceRequests.CheckInView;
import com.brandcluster.events.registration.AttendanceRequests.ScannedCode;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.PageView;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Check-in codes as QR images, checking attendees in, the attendee list (JSON, or CSV with {@code ?format=csv} so that
 * a plain download link works) and the attendance counts.
 */
@RestController
@Validated
@RequestMapping("/api/events")
class AttendanceController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CheckIns checkIns;
    private final Attendance attendance;

    AttendanceController(CheckIns checkIns, Attendance attendance) {
        this.checkIns = checkIns;
        this.attendance = attendance;
    }

    /** The code is a bearer secret: the image is neither cached nor stored on the way. */
    @GetMapping("/registrations/{registrationId}/attendees/{attendeeId}/qr")
    @ApiResponse(responseCode = "200", description = "The check-in QR code",
            content = @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> qr(@PathVariable String registrationId, @PathVariable String attendeeId,
                              Caller caller) {
        String code = checkIns.codeOf(registrationId, attendeeId, caller);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("check-in-" + attendeeId + ".png").build().toString())
                .body(CheckInQr.png(code));
    }

    /** The body, naming some of the attendees, may be left out: then all are checked in. */
    @PostMapping("/registrations/{registrationId}/check-in")
    CheckInView checkInRegistration(@PathVariable String registrationId,
                                    @Valid @RequestBody(required = false) CheckInAttendees attendees,
                                    Caller caller) {
        return CheckInView.of(checkIns.checkInRegistration(registrationId,
                attendees == null ? Set.of() : attendees.ids(), caller));
    }

    @PostMapping("/events/{eventId}/check-in")
    CheckInView checkInCode(@PathVariable String eventId, @Valid @RequestBody ScannedCode scanned, Caller caller) {
        return CheckInView.of(checkIns.checkInCode(eventId, scanned.code(), caller));
    }

    @GetMapping(value = "/events/{eventId}/attendees", params = "!format")
    PageView<AttendeeEntry> attendees(@PathVariable String eventId,
                                      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                      Caller caller) {
        Attendance.Listing listing = attendance.list(eventId, caller, page, size);
        return PageView.of(listing.page(), entry -> AttendeeEntry.of(entry, listing.complete()));
    }

    @GetMapping(value = "/events/{eventId}/attendees", params = "format=csv")
    @Parameter(in = ParameterIn.QUERY, name = "format", description = "csv: the whole list as a CSV file, for the "
            + "secretariat (page and size do not apply)", schema = @Schema(type = "string", allowableValues = "csv"))
    @ApiResponse(responseCode = "200", description = "The attendee list as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<StreamingResponseBody> attendeesCsv(@PathVariable String eventId, Caller caller) {
        ExchangeEvent event = attendance.exportable(eventId, caller);
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("attendees-" + event.id() + ".csv").build().toString())
                .body(out -> attendance.writeCsv(event, out));
    }

    @GetMapping("/events/{eventId}/attendance")
    AttendanceView attendance(@PathVariable String eventId, Caller caller) {
        return AttendanceView.of(attendance.counts(eventId, caller));
    }
}
