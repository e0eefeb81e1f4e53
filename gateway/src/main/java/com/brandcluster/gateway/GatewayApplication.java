package com.brandcluster.gateway;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The portal's single entry point: routes {@code /api/**} to the services without rewriting paths, validates bearer
 * tokens (and relays them unchanged), limits request sizes, adds security headers and answers RFC 9457 problem details
 * when a service is down, slow or broken. For browsers it is the backend-for-frontend: Keycloak login, a session
 * cookie, the session's token relayed to the services ({@code com.brandcluster.gateway.session}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

    /** The gateway's time: token expiry (refresh), session cleanup. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
