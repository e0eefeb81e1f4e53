package com.brandcluster.salons.consultation;

import com.brandcluster.platform.security.Caller;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@Validated
class ConsultationStatisticsController {

    private final ConsultationStatistics statistics;

    ConsultationStatisticsController(ConsultationStatistics statistics) {
        this.statistics = statistics;
    }

    /** Consultations per expert of the cluster by state, optionally of those starting in [from, to). */
    @GetMapping("/api/salons/clusters/{clusterId}/statistics/consultations")
    ConsultationFigures consultationStatistics(
            @PathVariable @Pattern(regexp = ConsultationRequests.CLUSTER_ID) String clusterId,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            Caller caller) {
        return new ConsultationFigures(clusterId, statistics.perExpert(clusterId, from, to, caller));
    }

    @NullMarked
    record ConsultationFigures(String clusterId, List<ConsultationStatistics.ExpertFigures> experts) {
    }
}
