package com.brandcluster.testsupport;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @PlatformInfrastructure} above a Spring test annotation: the properties are in the environment the context
 * is created from, also with {@code @TestInstance(PER_CLASS)}, where the context loads before {@code @BeforeAll}.
 */
class PlatformInfrastructureIT {

    private static final List<String> PROPERTIES = List.of("spring.mongodb.uri", "spring.mongodb.database",
            "spring.rabbitmq.addresses", "spring.rabbitmq.virtual-host", "spring.rabbitmq.username",
            "spring.rabbitmq.password", "brandcluster.messaging.management.url",
            "brandcluster.messaging.management.username", "brandcluster.messaging.management.password",
            "brandcluster.security.issuer-uri", "brandcluster.security.jwk-set-uri");

    @Test
    void springContextSeesTheInfrastructureProperties() {
        PROPERTIES.forEach(System::clearProperty);
        Fixtures.runAndExpectSuccess(PerMethodLifecycle.class, 1);
    }

    @Test
    void springContextSeesThemAlsoWithAPerClassLifecycle() {
        PROPERTIES.forEach(System::clearProperty);
        Fixtures.runAndExpectSuccess(PerClassLifecycle.class, 1);
    }

    /** Captures the environment's values while the context starts. */
    record Captured(String mongoUri, String mongoDatabase, String rabbitVirtualHost, String managementUrl,
                    String issuer, String jwkSet) {

        static Captured from(Environment env) {
            return new Captured(env.getProperty("spring.mongodb.uri"), env.getProperty("spring.mongodb.database"),
                    env.getProperty("spring.rabbitmq.virtual-host"),
                    env.getProperty("brandcluster.messaging.management.url"),
                    env.getProperty("brandcluster.security.issuer-uri"),
                    env.getProperty("brandcluster.security.jwk-set-uri"));
        }

        void assertComplete() {
            assertThat(mongoUri).isEqualTo(MongoExtension.uri());
            assertThat(mongoDatabase).isEqualTo(MongoExtension.databaseName());
            assertThat(rabbitVirtualHost).isEqualTo(RabbitExtension.info().virtualHost());
            assertThat(managementUrl).isEqualTo(RabbitExtension.info().managementUrl().toString());
            assertThat(issuer).isEqualTo(TestTokens.issuerUri());
            assertThat(jwkSet).isEqualTo(TestTokens.jwkSetUri());
        }
    }

    @PlatformInfrastructure
    @SpringJUnitConfig(PerMethodLifecycle.Config.class)
    static class PerMethodLifecycle {

        @Configuration(proxyBeanMethods = false)
        static class Config {
            @Bean
            Captured captured(Environment env) {
                return Captured.from(env);
            }
        }

        @Autowired
        Captured captured;

        @Test
        void seesThem() {
            captured.assertComplete();
        }
    }

    @PlatformInfrastructure
    @SpringJUnitConfig(PerClassLifecycle.Config.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassLifecycle {

        @Configuration(proxyBeanMethods = false)
        static class Config {
            @Bean
            Captured captured(Environment env) {
                return Captured.from(env);
            }
        }

        @Autowired
        Captured captured;

        @Test
        void seesThem() {
            captured.assertComplete();
        }
    }
}
