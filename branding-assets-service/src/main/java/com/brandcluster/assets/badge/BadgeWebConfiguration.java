package com.brandcluster.assets.badge;

import com.brandcluster.platform.security.HttpAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class BadgeWebConfiguration {

    /** Anybody may check a licence: a buyer scanning the QR code on a product has no account. */
    @Bean
    HttpAuthorizations licenceChecks() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/api/assets/licences/*").permitAll();
    }
}
