package com.brandcluster.membership.convention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Conventions and their ballots.
 *
 * @param autoTallyAfter    a ballot still untallied this long after its closing time is tallied by the service itself,
 *                          so no ballot stays open for ever (the secretariat normally tallies it before)
 * @param autoTallyInterval how often the service looks for such ballots, and finishes supersessions a crash left
 *                          half done
 * @param closingSoonLead     how long before its closing time a ballot's electorate enterprises that have not voted
 *                            are announced ({@code membership.convention.ballot-closing-soon.v1}) for a reminder
 * @param closingSoonInterval how often the service looks for ballots closing within that lead time
 */
@ConfigurationProperties("brandcluster.membership.conventions")
record ConventionProperties(@DefaultValue("1h") Duration autoTallyAfter,
                            @DefaultValue("5m") Duration autoTallyInterval,
                            @DefaultValue("24h") Duration closingSoonLead,
                            @DefaultValue("5m") Duration closingSoonInterval) {

    ConventionProperties {
        if (!closingSoonLead.isPositive()) {
            throw new IllegalArgumentException("brandcluster.membership.conventions.closing-soon-lead must be positive");
        }
        if (!closingSoonInterval.isPositive()) {
            throw new IllegalArgumentException(
                    "brandcluster.membership.conventions.closing-soon-interval must be positive");
        }
    }
}
