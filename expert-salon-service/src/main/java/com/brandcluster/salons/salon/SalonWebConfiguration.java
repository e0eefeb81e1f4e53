package com.brandcluster.salons.salon;

import com.brandcluster.platform.security.HttpAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SalonWebConfiguration {

    /** Published salons are public: anyone may list a cluster's salons and read one. */
    @Bean
    HttpAuthorizations publicSalons() {
        return registry -> registry
                .requestMatchers(HttpMethod.GET, "/api/salons/clusters/*/salons", "/api/salons/salons/*").permitAll();
    }
}
