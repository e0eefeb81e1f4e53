package com.brandcluster.platform.reactivetestapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import com.brandcluster.platform.security.ReactiveHttpAuthorizations;
import com.brandcluster.platform.security.Roles;

/**
 * A reactive application like the gateway: service-defaults with {@code spring.main.web-application-type=reactive}.
 * Its configuration is {@code reactivetestapp/reactivetestapp.properties}.
 */
@SpringBootApplication
public class ReactiveTestApplication {

    @Bean
    ReactiveHttpAuthorizations reactiveTestAuthorizations() {
        return exchanges -> exchanges
                .pathMatchers("/reactive/public/**").permitAll()
                .pathMatchers("/reactive/admin/**").hasRole(Roles.ALLIANCE_ADMIN);
    }
}
