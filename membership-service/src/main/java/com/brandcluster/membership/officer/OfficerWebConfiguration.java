package com.brandcluster.membership.officer;

import com.brandcluster.platform.security.HttpAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class OfficerWebConfiguration {

    /** A cluster's current officers are public; their history and every change are not. */
    @Bean
    HttpAuthorizations publicOfficers() {
        return registry -> registry
                .requestMatchers(HttpMethod.GET, "/api/membership/clusters/*/officers").permitAll();
    }
}
