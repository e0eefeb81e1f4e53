package com.brandcluster.platform.outbox;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

import com.brandcluster.platform.messaging.EventJson;
import com.brandcluster.platform.messaging.MessagingAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * The transactional outbox (pattern 1 of DESIGN.md §6): {@link OutboxEvents} to create entries, the
 * {@link OutboxRelay} to publish them.
 */
@AutoConfiguration(after = {DataMongoAutoConfiguration.class, RabbitAutoConfiguration.class,
        MessagingAutoConfiguration.class})
@ConditionalOnClass({MongoOperations.class, RabbitTemplate.class})
@ConditionalOnBean({MongoOperations.class, ConnectionFactory.class})
@EnableConfigurationProperties(OutboxProperties.class)
public final class OutboxAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    @Bean
    @ConditionalOnMissingBean
    OutboxEvents outboxEvents(@Qualifier(EventJson.MAPPER_BEAN_NAME) ObjectProvider<JsonMapper> eventJsonMapper,
                              ObjectProvider<Tracer> tracer) {
        return new OutboxEvents(eventJsonMapper.getIfAvailable(EventJson::newMapper), tracer.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(MongoOperations mongo, MongoMappingContext mappingContext,
                            ConnectionFactory connectionFactory, OutboxProperties properties,
                            ObjectProvider<Tracer> tracer, ObjectProvider<MeterRegistry> meters,
                            ApplicationContext applicationContext) {
        RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
        rabbit.setApplicationContext(applicationContext);
        rabbit.setMandatory(true);
        rabbit.setObservationEnabled(true);
        rabbit.setUsePublisherConnection(true);
        // Returned messages are handled through their CorrelationData; this only keeps the template quiet.
        rabbit.setReturnsCallback(returned -> log.debug("Outbox message returned by {}: {} {}",
                returned.getExchange(), returned.getReplyCode(), returned.getReplyText()));
        return new OutboxRelay(mongo, rabbit, properties, carrierCollections(mappingContext), tracer.getIfAvailable(),
                meters.getIfAvailable(), Clock.systemUTC());
    }

    @Bean
    OutboxSaveListener outboxSaveListener(OutboxRelay relay) {
        return new OutboxSaveListener(relay);
    }

    static Set<String> carrierCollections(MongoMappingContext mappingContext) {
        Set<String> collections = new LinkedHashSet<>();
        for (MongoPersistentEntity<?> entity : mappingContext.getPersistentEntities()) {
            if (OutboxCarrier.class.isAssignableFrom(entity.getType())) {
                collections.add(entity.getCollection());
            }
        }
        return collections;
    }
}
