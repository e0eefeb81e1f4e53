package com.brandcluster.salons.salon;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.salons.salon.SalonRequests.RegistrationView;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
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

    @PostMapping("/registrations/{registrationId}/cancellation")
    RegistrationView cancel(@PathVariable String registrationId, Caller caller) {
        return RegistrationView.of(registrations.cancel(registrationId, caller));
    }

    @PostMapping("/registrations/{registrationId}/offer-acceptance")
    RegistrationView acceptOffer(@PathVariable String registrationId, Caller caller) {
        return RegistrationView.of(registrations.acceptOffer(registrationId, caller));
    }
}
