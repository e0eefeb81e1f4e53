package com.brandcluster.testsupport;

import com.mongodb.client.MongoClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Adds {@link QueryRecorder} and {@link MongoWrites#INSTANCE} to the MongoDB client of every Spring Boot context
 * started in a JVM with test-support on its class path (the services' tests; never a service's own jar).
 */
@AutoConfiguration
@ConditionalOnClass({MongoClient.class, MongoClientSettingsBuilderCustomizer.class})
public class QueryRecorderAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer testSupportQueryRecorder() {
        return settings -> settings.addCommandListener(QueryRecorder.INSTANCE)
                .addCommandListener(MongoWrites.INSTANCE);
    }
}
