package com.brandcluster.platform.messaging;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/** {@link Projections} and {@link ProcessedEvents}, for idempotent consumers. */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnClass(MongoOperations.class)
@ConditionalOnBean(MongoOperations.class)
public final class IdempotentConsumersAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Projections projections(MongoOperations mongo) {
        return new Projections(mongo);
    }

    @Bean(initMethod = "createIndexes")
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(MongoOperations mongo) {
        return new ProcessedEvents(mongo, Clock.systemUTC());
    }
}
