package com.brandcluster.salons.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param availabilityHorizon how far ahead an expert's first free consultation slot is looked for
 * @param expertCandidates    the most experts read from MongoDB for one ranking (the best by topics, language and
 *                            cluster, as MongoDB orders them); availability is then computed only for those that can
 *                            still reach the top
 * @param salonCandidates     the most upcoming, open salons read for one set of suggestions (the soonest first)
 */
@ConfigurationProperties("brandcluster.matching")
record MatchingProperties(@DefaultValue("P28D") Duration availabilityHorizon,
                          @DefaultValue("100") int expertCandidates,
                          @DefaultValue("100") int salonCandidates) {

    MatchingProperties {
        if (availabilityHorizon.isNegative() || availabilityHorizon.isZero() || expertCandidates < 1
                || salonCandidates < 1) {
            throw new IllegalArgumentException("brandcluster.matching: the availability horizon and the candidate "
                    + "limits must be positive");
        }
    }
}
