package com.brandcluster.membership.enterprise;

import com.brandcluster.membership.enterprise.EnterpriseRequests.ColleagueView;
import com.brandcluster.membership.enterprise.EnterpriseRequests.EnterpriseView;
import com.brandcluster.membership.enterprise.EnterpriseRequests.Invite;
import com.brandcluster.membership.enterprise.EnterpriseRequests.Register;
import com.brandcluster.membership.enterprise.EnterpriseRequests.Registered;
import com.brandcluster.membership.enterprise.EnterpriseRequests.RoleChange;
import com.brandcluster.platform.security.Caller;
import com.brandcluster.platform.web.ForbiddenException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import java.util.List;

@RestController
@RequestMapping("/api/membership/enterprises")
class EnterpriseController {

    private final EnterpriseRegistration registration;
    private final EnterpriseProfiles profiles;
    private final Colleagues colleagues;

    EnterpriseController(EnterpriseRegistration registration, EnterpriseProfiles profiles, Colleagues colleagues) {
        this.registration = registration;
        this.profiles = profiles;
        this.colleagues = colleagues;
    }

    @PostMapping
    ResponseEntity<Registered> register(@Valid @RequestBody Register request, Caller caller) {
        Enterprise enterprise = registration.register(request, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/membership/enterprises/{id}").buildAndExpand(enterprise.id()).toUri())
                .body(new Registered(EnterpriseView.of(enterprise), true));
    }

    /** The enterprise the caller acts for. */
    @GetMapping("/me")
    EnterpriseView mine(Caller caller) {
        String enterpriseId = caller.enterprise()
                .orElseThrow(() -> new ForbiddenException("This user acts for no enterprise yet; register one first."));
        return EnterpriseView.of(registration.get(enterpriseId));
    }

    /** The full profile: for the enterprise's own users and for the alliance office. */
    @GetMapping("/{enterpriseId}")
    EnterpriseView get(@PathVariable String enterpriseId, Caller caller) {
        if (!caller.actsFor(enterpriseId) && !caller.isAllianceAdmin()) {
            throw new ForbiddenException("Only the enterprise's own users see its full profile.");
        }
        return EnterpriseView.of(registration.get(enterpriseId));
    }

    /** An admin of the enterprise edits its profile (JSON merge patch; the credit code never changes). */
    @PatchMapping(value = "/{enterpriseId}", consumes = {"application/json", "application/merge-patch+json"})
    EnterpriseView patch(@PathVariable String enterpriseId,
                         @RequestBody @Schema(implementation = EnterpriseRequests.ProfileInput.class) JsonNode patch,
                         Caller caller) {
        return EnterpriseView.of(profiles.patch(enterpriseId, patch, caller));
    }

    @GetMapping("/{enterpriseId}/colleagues")
    List<ColleagueView> colleagues(@PathVariable String enterpriseId, Caller caller) {
        return ColleagueView.of(colleagues.list(enterpriseId, caller));
    }

    @PostMapping("/{enterpriseId}/colleagues")
    ResponseEntity<ColleagueView> invite(@PathVariable String enterpriseId, @Valid @RequestBody Invite request,
                                         Caller caller) {
        Enterprise.Colleague colleague = colleagues.invite(enterpriseId, request, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{userId}").buildAndExpand(colleague.userId()).toUri())
                .body(ColleagueView.of(colleague, "ACTIVE"));
    }

    @PutMapping("/{enterpriseId}/colleagues/{userId}")
    ColleagueView changeRole(@PathVariable String enterpriseId, @PathVariable String userId,
                             @Valid @RequestBody RoleChange request, Caller caller) {
        return ColleagueView.of(colleagues.changeRole(enterpriseId, userId, request, caller), "ACTIVE");
    }

    @DeleteMapping("/{enterpriseId}/colleagues/{userId}")
    ResponseEntity<Void> remove(@PathVariable String enterpriseId, @PathVariable String userId, Caller caller) {
        colleagues.remove(enterpriseId, userId, caller);
        return ResponseEntity.noContent().build();
    }
}
