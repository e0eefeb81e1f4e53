package com.brandcluster.membership.directory;

import com.brandcluster.platform.security.HttpAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class DirectoryWebConfiguration {

    /**
     * The member directory is public (anonymous callers see the public fields); one membership
     * ({@code /members/{enterpriseId}}) and everything below it are not.
     */
    @Bean
    HttpAuthorizations publicMemberDirectory() {
        return registry -> registry
                .requestMatchers(HttpMethod.GET, "/api/membership/clusters/*/members").permitAll();
    }
}
