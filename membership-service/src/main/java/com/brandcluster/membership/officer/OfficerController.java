package com.brandcluster.membership.officer;

import com.brandcluster.membership.officer.OfficerRequests.ReplaceSlate;
import com.brandcluster.membership.officer.OfficerRequests.SlateVersionView;
import com.brandcluster.membership.officer.OfficerRequests.SlateView;
import com.brandcluster.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/membership/clusters/{clusterId}/officers")
class OfficerController {

    private final OfficerSlates slates;

    OfficerController(OfficerSlates slates) {
        this.slates = slates;
    }

    /** Replaces the slate; answers the current slate as the public reads it. */
    @PutMapping
    SlateView replace(@PathVariable String clusterId, @Valid @RequestBody ReplaceSlate request, Caller caller) {
        slates.replace(clusterId, request, caller);
        return slates.current(clusterId);
    }

    /** The current officers: public. */
    @GetMapping
    SlateView current(@PathVariable String clusterId) {
        return slates.current(clusterId);
    }

    /** Every slate set so far, newest first, with who set it: for the cluster's secretariat. */
    @GetMapping("/history")
    List<SlateVersionView> history(@PathVariable String clusterId, Caller caller) {
        return slates.history(clusterId, caller).stream().map(SlateVersionView::of).toList();
    }
}
