package com.brandcluster.assets.asset;

import com.brandcluster.platform.security.HttpAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class RenditionWebConfiguration {

    /** A public logo's renditions are for anyone, as its file is: each request decides whether a sign-in is needed. */
    @Bean
    HttpAuthorizations renditionReaders() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/api/assets/assets/*/renditions/*").permitAll();
    }
}
