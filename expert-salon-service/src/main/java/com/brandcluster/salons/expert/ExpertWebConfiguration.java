package com.brandcluster.salons.expert;

import com.brandcluster.platform.security.HttpAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class ExpertWebConfiguration {

    /** Expert profiles and their free slots are public; everything else about them needs a token. */
    @Bean
    HttpAuthorizations publicExpertProfiles() {
        return registry -> registry
                .requestMatchers(HttpMethod.GET, "/api/salons/experts", "/api/salons/experts/*",
                        "/api/salons/experts/*/slots")
                .permitAll();
    }
}
