package com.brandcluster.assets;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The unified brand kit: assets, versions, entitlements, downloads and member badges. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BrandingAssetsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BrandingAssetsServiceApplication.class, args);
    }
}
