package com.brandcluster.membership.verification;

import com.brandcluster.platform.security.HttpAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class VerificationWebConfiguration {

    /** Membership verification is public: anyone may ask whether a member number is a current member. */
    @Bean
    HttpAuthorizations publicMembershipVerification() {
        return registry -> registry.requestMatchers(HttpMethod.GET, "/api/membership/verify/*").permitAll();
    }
}
