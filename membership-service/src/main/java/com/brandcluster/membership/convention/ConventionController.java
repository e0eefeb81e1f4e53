package com.brandcluster.membership.convention;

import com.brandcluster.membership.convention.ConventionRequests.AcceptanceReport;
import com.brandcluster.membership.convention.ConventionRequests.AcceptanceView;
import com.brandcluster.membership.convention.ConventionRequests.ConventionSummary;
import com.brandcluster.membership.convention.ConventionRequests.ConventionView;
import com.brandcluster.membership.convention.ConventionRequests.VoteView;
import com.brandcluster.platform.security.Caller;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

@RestController
@RequestMapping("/api/membership")
class ConventionController {

    private final Conventions conventions;
    private final Ballots ballots;
    private final Acceptances acceptances;

    ConventionController(Conventions conventions, Ballots ballots, Acceptances acceptances) {
        this.conventions = conventions;
        this.ballots = ballots;
        this.acceptances = acceptances;
    }

    @PostMapping("/clusters/{clusterId}/conventions")
    ResponseEntity<ConventionView> draft(@PathVariable String clusterId,
                                        @Valid @RequestBody ConventionRequests.Text request, Caller caller) {
        Convention draft = conventions.draft(clusterId, request, caller);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/membership/conventions/{id}").buildAndExpand(draft.id()).toUri())
                .body(ConventionView.of(draft));
    }

    @GetMapping("/clusters/{clusterId}/conventions")
    List<ConventionSummary> ofCluster(@PathVariable String clusterId, Caller caller) {
        return conventions.ofCluster(clusterId, caller).stream().map(ConventionSummary::of).toList();
    }

    /** Public: the charter a cluster runs under. */
    @GetMapping("/clusters/{clusterId}/conventions/current")
    ConventionView current(@PathVariable String clusterId) {
        return ConventionView.of(conventions.current(clusterId));
    }

    @GetMapping("/conventions/{conventionId}")
    ConventionView get(@PathVariable String conventionId, Caller caller) {
        return ConventionView.of(conventions.get(conventionId, caller));
    }

    @PutMapping("/conventions/{conventionId}")
    ConventionView edit(@PathVariable String conventionId, @Valid @RequestBody ConventionRequests.Text request,
                        Caller caller) {
        return ConventionView.of(conventions.edit(conventionId, request, caller));
    }

    @PostMapping("/conventions/{conventionId}/ballot")
    ConventionView openBallot(@PathVariable String conventionId,
                              @Valid @RequestBody ConventionRequests.OpenBallot request, Caller caller) {
        return ConventionView.of(ballots.open(conventionId, request, caller));
    }

    @PostMapping("/conventions/{conventionId}/votes")
    VoteView vote(@PathVariable String conventionId, @Valid @RequestBody ConventionRequests.Vote request,
                  Caller caller) {
        return VoteView.of(ballots.vote(conventionId, request, caller));
    }

    @GetMapping("/conventions/{conventionId}/votes/mine")
    VoteView myVote(@PathVariable String conventionId, Caller caller) {
        return VoteView.of(ballots.mine(conventionId, caller));
    }

    @PostMapping("/conventions/{conventionId}/tally")
    ConventionView tally(@PathVariable String conventionId, Caller caller) {
        return ConventionView.of(ballots.tally(conventionId, caller));
    }

    @PostMapping("/conventions/{conventionId}/acceptances")
    ResponseEntity<AcceptanceView> accept(@PathVariable String conventionId, Caller caller) {
        return ResponseEntity.status(201).body(AcceptanceView.of(acceptances.accept(conventionId, caller)));
    }

    @GetMapping("/conventions/{conventionId}/acceptances")
    AcceptanceReport acceptances(@PathVariable String conventionId, Caller caller) {
        return AcceptanceReport.of(acceptances.report(conventionId, caller));
    }
}
