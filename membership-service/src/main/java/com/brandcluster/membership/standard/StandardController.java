package com.brandcluster.membership.standard;

import com.brandcluster.membership.standard.StandardRequests.AdoptionView;
import com.brandcluster.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/membership/clusters/{clusterId}/members/{enterpriseId}/standards")
class StandardController {

    private final StandardAdoptions standards;

    StandardController(StandardAdoptions standards) {
        this.standards = standards;
    }

    @PostMapping
    ResponseEntity<AdoptionView> declare(@PathVariable String clusterId, @PathVariable String enterpriseId,
                                         @Valid @RequestBody StandardRequests.Declare request, Caller caller) {
        StandardAdoption adoption = standards.declare(clusterId, enterpriseId, request, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}").buildAndExpand(adoption.id()).toUri())
                .body(AdoptionView.of(adoption, standards.today()));
    }

    @GetMapping
    List<AdoptionView> ofMember(@PathVariable String clusterId, @PathVariable String enterpriseId, Caller caller) {
        LocalDate today = standards.today();
        return standards.ofMember(clusterId, enterpriseId, caller).stream()
                .map(adoption -> AdoptionView.of(adoption, today)).toList();
    }

    @GetMapping("/{adoptionId}")
    AdoptionView get(@PathVariable String clusterId, @PathVariable String enterpriseId,
                     @PathVariable String adoptionId, Caller caller) {
        return AdoptionView.of(standards.get(clusterId, enterpriseId, adoptionId, caller), standards.today());
    }

    @PostMapping("/{adoptionId}/certification")
    AdoptionView certify(@PathVariable String clusterId, @PathVariable String enterpriseId,
                         @PathVariable String adoptionId, @Valid @RequestBody StandardRequests.Certify request,
                         Caller caller) {
        return AdoptionView.of(standards.certify(clusterId, enterpriseId, adoptionId, request, caller),
                standards.today());
    }
}
