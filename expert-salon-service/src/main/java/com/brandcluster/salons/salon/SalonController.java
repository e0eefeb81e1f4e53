package com.brandcluster.salons.salon;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.PageView;
import com.brandcluster.salons.salon.SalonRequests.SalonView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/salons")
class SalonController {

    private final Salons salons;

    SalonController(Salons salons) {
        this.salons = salons;
    }

    @PostMapping("/clusters/{clusterId}/salons")
    ResponseEntity<SalonView> create(@PathVariable String clusterId, @Valid @RequestBody SalonRequests.Create request,
                                     Caller caller) {
        Salon salon = salons.create(clusterId, request, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/salons/salons/{id}").buildAndExpand(salon.id()).toUri())
                .body(SalonView.of(salon));
    }

    @GetMapping("/clusters/{clusterId}/salons")
    PageView<SalonView> ofCluster(@PathVariable String clusterId,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageView.of(salons.ofCluster(clusterId, page, size), SalonView::of);
    }

    @GetMapping("/salons/{salonId}")
    SalonView get(@PathVariable String salonId) {
        return SalonView.of(salons.get(salonId));
    }
}
