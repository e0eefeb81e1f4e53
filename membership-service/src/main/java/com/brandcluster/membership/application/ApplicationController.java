package com.brandcluster.membership.application;

import com.brandcluster.membership.application.ApplicationRequests.ApplicationView;
import com.brandcluster.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

@RestController
@RequestMapping("/api/membership")
class ApplicationController {

    private final ApplicationReview review;

    ApplicationController(ApplicationReview review) {
        this.review = review;
    }

    @PostMapping("/clusters/{clusterId}/applications")
    ResponseEntity<ApplicationView> submit(@PathVariable String clusterId,
                                           @Valid @RequestBody ApplicationRequests.Submit request, Caller caller) {
        Application application = review.submit(clusterId, request, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/membership/applications/{id}").buildAndExpand(application.id()).toUri())
                .body(ApplicationView.of(application));
    }

    @GetMapping("/clusters/{clusterId}/applications")
    List<ApplicationView> ofCluster(@PathVariable String clusterId,
                                    @RequestParam(required = false) Application.Status status, Caller caller) {
        return review.ofCluster(clusterId, status, caller).stream().map(ApplicationView::of).toList();
    }

    /** The enterprise's own applications to every cluster, newest first, for its users. */
    @GetMapping("/enterprises/{enterpriseId}/applications")
    List<ApplicationView> ofEnterprise(@PathVariable String enterpriseId,
                                       @RequestParam(required = false) Application.Status status, Caller caller) {
        return review.ofEnterprise(enterpriseId, status, caller).stream().map(ApplicationView::of).toList();
    }

    @GetMapping("/applications/{applicationId}")
    ApplicationView get(@PathVariable String applicationId, Caller caller) {
        return ApplicationView.of(review.get(applicationId, caller));
    }

    @PostMapping("/applications/{applicationId}/approval")
    ApplicationView approve(@PathVariable String applicationId,
                            @Valid @RequestBody(required = false) ApplicationRequests.Approve request, Caller caller) {
        return ApplicationView.of(review.approve(applicationId,
                request == null ? new ApplicationRequests.Approve(null) : request, caller));
    }

    @PostMapping("/applications/{applicationId}/rejection")
    ApplicationView reject(@PathVariable String applicationId,
                           @Valid @RequestBody ApplicationRequests.Reject request, Caller caller) {
        return ApplicationView.of(review.reject(applicationId, request, caller));
    }

    @PostMapping("/applications/{applicationId}/withdrawal")
    ApplicationView withdraw(@PathVariable String applicationId, Caller caller) {
        return ApplicationView.of(review.withdraw(applicationId, caller));
    }
}
