package com.brandcluster.salons.programme;

import com.brandcluster.platform.security.HttpAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class ProgrammeWebConfiguration {

    /** A published salon's programme is public (what an anonymous caller sees of it is decided per slot). */
    @Bean
    HttpAuthorizations publicProgrammes() {
        return registry -> registry.requestMatchers(HttpMethod.GET, "/api/salons/salons/*/programme").permitAll();
    }
}
