package com.brandcluster.events.meeting;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Expiring unanswered requests and settling unfinished claims run on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MeetingConfiguration {
}
