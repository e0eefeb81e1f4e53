package com.brandcluster.salons.matching;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.salons.matching.NeedsRequests.NeedsInput;
import com.brandcluster.salons.matching.NeedsRequests.NeedsView;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/salons/needs")
class NeedsController {

    private final EnterpriseNeeds needs;

    NeedsController(EnterpriseNeeds needs) {
        this.needs = needs;
    }

    /** The caller's enterprise states its needs: 201 the first time, 200 when it replaces them. */
    @PutMapping
    ResponseEntity<NeedsView> state(@Valid @RequestBody NeedsInput request, Caller caller) {
        EnterpriseNeeds.Stated stated = needs.state(request, caller);
        return ResponseEntity.status(stated.first() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(NeedsView.of(stated.needs()));
    }

    @GetMapping
    NeedsView get(Caller caller) {
        return NeedsView.of(needs.of(caller));
    }
}
