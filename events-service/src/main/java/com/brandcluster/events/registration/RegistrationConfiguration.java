package com.brandcluster.events.registration;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Lapsing waitlist offers and sweeping cancelled events' registrations run on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RegistrationConfiguration {
}
