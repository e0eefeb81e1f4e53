package com.brandcluster.events.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param memberStatusQueue  the queue of membership status changes (suspensions send registrations to approval)
 * @param offerDuration      how long a waitlisted registration has to accept the seats offered to it
 * @param offerLapseInterval how often lapsed offers are passed on and cancelled events' registrations swept
 */
@ConfigurationProperties("brandcluster.events.registrations")
record RegistrationProperties(String memberStatusQueue,
                              @DefaultValue("PT24H") Duration offerDuration,
                              @DefaultValue("PT1M") Duration offerLapseInterval) {
}
