package com.brandcluster.salons;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The expert service platform: experts, availability, consultations and themed salons. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExpertSalonServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExpertSalonServiceApplication.class, args);
    }
}
