package com.brandcluster.platform.observability;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformDefaultsEnvironmentPostProcessorTest {

    @Test
    void addsThePlatformDefaultsBelowEverythingTheServiceConfigures() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml",
                Map.of("management.endpoints.web.exposure.include", "health")));

        new PlatformDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
        assertThat(environment.getProperty("spring.jackson.deserialization.fail-on-unknown-properties"))
                .isEqualTo("true");
        assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
                .isEqualTo("readinessState,mongo,rabbit");
        assertThat(environment.getProperty("spring.cloud.openfeign.circuitbreaker.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("logging.pattern.correlation")).contains("%X{traceId:-}");
        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow()
                .getName()).isEqualTo(PlatformDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
    }

    @Test
    void addsThemOnlyOnce() {
        StandardEnvironment environment = new StandardEnvironment();
        PlatformDefaultsEnvironmentPostProcessor processor = new PlatformDefaultsEnvironmentPostProcessor();

        processor.postProcessEnvironment(environment, new SpringApplication());
        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().stream()
                .filter(source -> source.getName().equals(PlatformDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)))
                .hasSize(1);
    }
}
