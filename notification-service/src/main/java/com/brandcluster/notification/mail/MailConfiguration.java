package com.brandcluster.notification.mail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.brandcluster.platform.security.HttpAuthorizations;
import com.brandcluster.platform.security.Roles;

/** Who may see and re-queue mail deliveries: the alliance office, which operates the portal. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    static final String ENDPOINT_PATH = "/actuator/maildeliveries";

    @Bean
    HttpAuthorizations mailDeliveriesForOperators() {
        return requests -> requests.requestMatchers(ENDPOINT_PATH, ENDPOINT_PATH + "/**")
                .hasRole(Roles.ALLIANCE_ADMIN);
    }
}
