package com.brandcluster.membership;

import com.brandcluster.platform.security.HttpAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class MembershipWebConfiguration {

    /** Public cluster pages: anyone may read the clusters and their tiers. */
    @Bean
    HttpAuthorizations publicClusterPages() {
        return registry -> registry
                .requestMatchers(HttpMethod.GET, "/api/membership/clusters", "/api/membership/clusters/*").permitAll();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
