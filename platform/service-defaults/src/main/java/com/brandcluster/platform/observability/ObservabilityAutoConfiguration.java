package com.brandcluster.platform.observability;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Observability beyond Boot's defaults (which come from {@code brandcluster-defaults.properties}: health groups,
 * Prometheus, tracing, log correlation): a MongoDB health indicator that works on the embedded server too, so the
 * readiness group ({@code readinessState,mongo,rabbit}) means the same in tests and in production; and a MongoDB
 * server selection timeout of {@code brandcluster.mongodb.server-selection-timeout} (default 5 s instead of the
 * driver's 30 s), so that with the database unreachable the readiness probe turns DOWN and requests answer 503
 * problem details within seconds, before the gateway's response timeout (10 s), instead of hanging.
 */
@AutoConfiguration(afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public final class ObservabilityAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MongoClient.class, MongoClientSettingsBuilderCustomizer.class})
    static class MongoTimeoutConfiguration {

        @Bean
        MongoClientSettingsBuilderCustomizer platformMongoServerSelectionTimeout(
                @Value("${brandcluster.mongodb.server-selection-timeout:5s}") Duration timeout) {
            return settings -> settings.applyToClusterSettings(cluster ->
                    cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

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
