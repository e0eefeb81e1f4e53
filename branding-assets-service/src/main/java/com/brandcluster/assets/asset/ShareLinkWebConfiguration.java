package com.brandcluster.assets.asset;

import com.brandcluster.platform.security.HttpAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class ShareLinkWebConfiguration {

    /** A shared file needs no sign-in: the link's token is the permission. */
    @Bean
    HttpAuthorizations sharedFiles() {
        return requests -> requests.requestMatchers(HttpMethod.GET, ShareLinkController.SHARED_PATH + "*")
                .permitAll();
    }
}
