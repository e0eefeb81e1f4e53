package com.brandcluster.membership;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The cluster register: clusters, enterprises, applications and memberships. The only writer of membership facts. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MembershipServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MembershipServiceApplication.class, args);
    }
}
