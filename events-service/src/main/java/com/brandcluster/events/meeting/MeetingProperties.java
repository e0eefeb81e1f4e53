package com.brandcluster.events.meeting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param queue          the queue of ended registrations (an enterprise without a confirmed registration leaves its
 *                       meetings)
 * @param requestExpiry  how long an invited enterprise has to answer a request (it also expires when its slot begins)
 * @param expiryInterval how often unanswered requests are expired and unfinished claims settled
 * @param claimGrace     how old a claim of an acceptance or plan change that never finished must be before it is
 *                       settled; far longer than any acceptance takes
 */
@ConfigurationProperties("brandcluster.events.meetings")
record MeetingProperties(String queue,
                         @DefaultValue("PT48H") Duration requestExpiry,
                         @DefaultValue("PT1M") Duration expiryInterval,
                         @DefaultValue("PT2M") Duration claimGrace) {
}
