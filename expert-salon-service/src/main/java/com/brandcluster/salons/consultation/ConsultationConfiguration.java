package com.brandcluster.salons.consultation;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The consultations' housekeeping runs on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ConsultationConfiguration {
}
