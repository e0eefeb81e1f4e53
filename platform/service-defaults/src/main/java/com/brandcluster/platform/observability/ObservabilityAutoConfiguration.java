package com.brandcluster.platform.observability;

import com.mongodb.client.MongoClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Observability beyond Boot's defaults (which come from {@code brandcluster-defaults.properties}: health groups,
 * Prometheus, tracing, log correlation): a MongoDB health indicator that works on the embedded server too, so the
 * readiness group ({@code readinessState,mongo,rabbit}) means the same in tests and in production.
 */
@AutoConfiguration(afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public final class ObservabilityAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MongoClient.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
    @ConditionalOnBean(MongoClient.class)
    @ConditionalOnEnabledHealthIndicator("mongodb")
    static class MongoHealthConfiguration {

        /** Named like Boot's, which then backs off; the contributor is called {@code mongo}. */
        @Bean
        @ConditionalOnMissingBean(name = {"mongoHealthIndicator", "mongoHealthContributor"})
        HealthIndicator mongoHealthIndicator(MongoClient mongoClient) {
            return new MongoPingHealthIndicator(mongoClient);
        }
    }
}
