package com.brandcluster.membership.convention;

import com.brandcluster.platform.security.HttpAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class ConventionWebConfiguration {

    /**
     * The charter a cluster runs under is public, like its cluster page; drafts, ballots and rejected versions are
     * for its members and secretariat, older adopted versions for anyone signed in.
     */
    @Bean
    HttpAuthorizations publicCurrentConvention() {
        return registry -> registry
                .requestMatchers(HttpMethod.GET, "/api/membership/clusters/*/conventions/current").permitAll();
    }
}
