package com.brandcluster.salons.matching;

import com.brandcluster.platform.security.Caller;
import com.brandcluster.salons.matching.MatchViews.MatchesView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MatchController {

    private final Matches matches;

    MatchController(Matches matches) {
        this.matches = matches;
    }

    /** The caller's enterprise's best experts and salons for its needs, at most {@code limit} of each. */
    @GetMapping("/api/salons/matches")
    MatchesView matches(@RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit, Caller caller) {
        return MatchesView.of(matches.of(caller, limit));
    }
}
