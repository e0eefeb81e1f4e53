package com.brandcluster.events.registration;

import com.brandcluster.events.registration.RegistrationRequests.RegistrationView;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.PageView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
@RequestMapping("/api/events")
class RegistrationController {

    private final Registrations registrations;
    private final RegistrationReview review;
    private final Waitlist waitlist;

    RegistrationController(Registrations registrations, RegistrationReview review, Waitlist waitlist) {
        this.registrations = registrations;
        this.review = review;
        this.waitlist = waitlist;
    }

    @PostMapping("/events/{eventId}/registrations")
    ResponseEntity<RegistrationView> register(@PathVariable String eventId,
                                              @Valid @RequestBody RegistrationRequests.Register request,
                                              Caller caller) {
        Registration registration = registrations.register(eventId, request, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/events/registrations/{id}").buildAndExpand(registration.id()).toUri())
                .body(RegistrationView.of(registration));
    }

    @GetMapping("/events/{eventId}/registrations")
    PageView<RegistrationView> ofEvent(@PathVariable String eventId,
                                       @RequestParam(required = false) Registration.Status status,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                       Caller caller) {
        return PageView.of(registrations.ofEvent(eventId, status, caller, page, size), RegistrationView::of);
    }

    @GetMapping("/registrations/{registrationId}")
    RegistrationView get(@PathVariable String registrationId, Caller caller) {
        return RegistrationView.of(registrations.get(registrationId, caller));
    }

    @PostMapping("/registrations/{registrationId}/approval")
    RegistrationView approve(@PathVariable String registrationId, Caller caller) {
        return RegistrationView.of(review.approve(registrationId, caller));
    }

    @PostMapping("/registrations/{registrationId}/decline")
    RegistrationView decline(@PathVariable String registrationId,
                             @Valid @RequestBody RegistrationRequests.Decline decline, Caller caller) {
        return RegistrationView.of(review.decline(registrationId, decline.reason(), caller));
    }

    /** The body, with an optional reason, may be left out. */
    @PostMapping("/registrations/{registrationId}/cancellation")
    RegistrationView cancel(@PathVariable String registrationId,
                            @Valid @RequestBody(required = false) RegistrationRequests.Cancellation cancellation,
                            Caller caller) {
        return RegistrationView.of(registrations.cancel(registrationId,
                cancellation == null ? null : cancellation.reason(), caller));
    }

    @PostMapping("/registrations/{registrationId}/offer-acceptance")
    RegistrationView acceptOffer(@PathVariable String registrationId, Caller caller) {
        return RegistrationView.of(waitlist.acceptOffer(registrationId, caller));
    }
}
