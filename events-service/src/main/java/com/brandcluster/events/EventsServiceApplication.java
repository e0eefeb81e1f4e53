package com.brandcluster.events;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Enterprise exchange events: registration, check-in, the cooperation board and B2B matchmaking. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EventsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EventsServiceApplication.class, args);
    }
}
