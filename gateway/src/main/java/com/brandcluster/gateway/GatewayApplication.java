package com.brandcluster.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The portal's single entry point: routes {@code /api/**} to the services without rewriting paths, validates bearer
 * tokens (and relays them unchanged), limits request sizes, adds security headers and answers RFC 9457 problem details
 * when a service is down, slow or broken.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
