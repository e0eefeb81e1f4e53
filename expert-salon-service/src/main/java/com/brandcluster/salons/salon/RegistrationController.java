package com.brandcluster.salons.salon;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.PageView;
import com.brandcluster.salons.calendar.ICalendars;
import com.brandcluster.salons.salon.SalonRequests.RegistrationView;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Validated
@RequestMapping("/api/salons")
class RegistrationController {

    private final Registrations registrations;

    RegistrationController(Registrations registrations) {
        this.registrations = registrations;
    }

    @PostMapping("/salons/{salonId}/registrations")
    ResponseEntity<RegistrationView> register(@PathVariable String salonId,
                                              @Valid @RequestBody SalonRequests.Register request, Caller caller) {
        Registration registration = registrations.register(salonId, request, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/salons/registrations/{id}").buildAndExpand(registration.id()).toUri())
                .body(RegistrationView.of(registration));
    }

    @GetMapping("/registrations/{registrationId}")
    RegistrationView get(@PathVariable String registrationId, Caller caller) {
        return RegistrationView.of(registrations.get(registrationId, caller));
    }

    /** The registration as an iCalendar download (RFC 5545), with a UID that stays the same for its whole life. */
    @GetMapping("/registrations/{registrationId}/calendar")
    @ApiResponse(responseCode = "200", description = "The salon as iCalendar (RFC 5545)",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    ResponseEntity<String> calendar(@PathVariable String registrationId, Caller caller) {
        return ICalendars.download(registrations.calendar(registrationId, caller),
                "salon-registration-" + registrationId);
    }

    /** The secretariat's list of a salon's registrations; {@code flagged=true} for those flagged for standing. */
    @GetMapping("/salons/{salonId}/registrations")
    PageView<RegistrationView> ofSalon(@PathVariable String salonId,
                                       @RequestParam(defaultValue = "false") boolean flagged,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        return PageView.of(registrations.ofSalon(salonId, flagged, caller, page, size),
                RegistrationView::of);
    }

    /**
     * The caller's own enterprise's registrations, newest first; {@code salonId} narrows them to one salon (whether
     * and how the enterprise is registered for it).
     */
    @GetMapping("/registrations/mine")
    PageView<RegistrationView> ownRegistrations(
            @RequestParam(required = false) @Size(min = 1, max = 100) @Nullable String salonId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        return PageView.of(registrations.ofOwnEnterprise(salonId, caller, page, size), RegistrationView::of);
    }

    @PostMapping("/registrations/{registrationId}/cancellation")
    RegistrationView cancel(@PathVariable String registrationId, Caller caller) {
        return RegistrationView.of(registrations.cancel(registrationId, caller));
    }

    @PostMapping("/registrations/{registrationId}/offer-acceptance")
    RegistrationView acceptOffer(@PathVariable String registrationId, Caller caller) {
        return RegistrationView.of(registrations.acceptOffer(registrationId, caller));
    }
}
