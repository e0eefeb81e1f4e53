package com.brandcluster.assets.asset;

import com.brandcluster.platform.security.HttpAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class AssetWebConfiguration {

    /** Public assets are for anyone: reading and downloading decide per asset whether a sign-in is needed. */
    @Bean
    HttpAuthorizations assetReaders() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/api/assets/clusters/*/assets",
                "/api/assets/assets/*", "/api/assets/assets/*/content", "/api/assets/clusters/*/kit.zip").permitAll();
    }
}
