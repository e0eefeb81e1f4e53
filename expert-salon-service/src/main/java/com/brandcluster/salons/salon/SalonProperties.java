package com.brandcluster.salons.salon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param offerDuration how long a waitlisted registration has to accept the seats offered to it
 * @param offerLapseInterval how often lapsed offers are passed on to the next in line
 */
@ConfigurationProperties("brandcluster.salons")
record SalonProperties(@DefaultValue("PT2H") Duration offerDuration,
                       @DefaultValue("PT1M") Duration offerLapseInterval) {
}
