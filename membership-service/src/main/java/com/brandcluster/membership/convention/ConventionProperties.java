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
 */
@ConfigurationProperties("brandcluster.membership.conventions")
record ConventionProperties(@DefaultValue("1h") Duration autoTallyAfter,
                            @DefaultValue("5m") Duration autoTallyInterval) {
}
