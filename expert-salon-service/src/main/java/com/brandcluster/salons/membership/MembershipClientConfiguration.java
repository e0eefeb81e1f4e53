package com.brandcluster.salons.membership;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/** Enables this package's Feign client of membership-service ({@code brandcluster.services.membership-url}). */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = MembershipClient.class)
class MembershipClientConfiguration {
}
