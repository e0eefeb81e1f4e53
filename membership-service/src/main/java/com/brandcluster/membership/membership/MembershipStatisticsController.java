package com.brandcluster.membership.membership;

import com.brandcluster.platform.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.NullMarked;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Validated
class MembershipStatisticsController {

    private final MembershipStatistics statistics;

    MembershipStatisticsController(MembershipStatistics statistics) {
        this.statistics = statistics;
    }

    /** The member register month by month (members by status and by tier), for the cluster's secretariat. */
    @GetMapping("/api/membership/clusters/{clusterId}/statistics/members")
    MemberStatistics memberStatistics(@PathVariable String clusterId,
                                      @RequestParam(defaultValue = "12") @Min(1)
                                      @Max(MembershipStatistics.MAX_MONTHS) int months,
                                      Caller caller) {
        return new MemberStatistics(clusterId, statistics.monthly(clusterId, months, caller));
    }

    @NullMarked
    record MemberStatistics(String clusterId, List<MembershipStatistics.MonthFigures> months) {
    }
}
