package com.brandcluster.platform.privacy;

import java.time.Clock;
import java.util.List;

import com.brandcluster.platform.messaging.MessagingTopology;
import com.brandcluster.platform.messaging.ProcessedEvents;
import com.brandcluster.platform.messaging.IdempotentConsumersAutoConfiguration;
import com.brandcluster.platform.messaging.MessagingAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Personal data export and erasure for a service that declares {@link PersonalDataHolding} beans: the
 * {@link PersonalDataDocuments}, the export endpoint at {@code brandcluster.privacy.export-path} (servlet services)
 * and, when the service subscribes to {@code membership.person.erased.v1} with the purpose
 * {@value PersonErasureListener#PURPOSE}, the {@link PersonErasureListener}.
 */
@AutoConfiguration(after = {IdempotentConsumersAutoConfiguration.class, MessagingAutoConfiguration.class})
@ConditionalOnClass(MongoOperations.class)
@ConditionalOnBean({MongoOperations.class, PersonalDataHolding.class})
@EnableConfigurationProperties(PrivacyProperties.class)
public final class PrivacyAutoConfiguration {

    @Bean(initMethod = "createIndexes")
    @ConditionalOnMissingBean
    PersonalDataDocuments personalDataDocuments(MongoOperations mongo, List<PersonalDataHolding> holdings) {
        return new PersonalDataDocuments(mongo, holdings);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnProperty("brandcluster.privacy.export-path")
    static class Export {

        @Bean
        PersonalDataController personalDataController(PersonalDataDocuments documents,
                                                      ObjectProvider<PersonalDataEmails> emails,
                                                      ObjectProvider<Clock> clock, Environment environment) {
            return new PersonalDataController(documents, emails.orderedStream().toList(),
                    environment.getProperty("spring.application.name", "service"),
                    clock.getIfAvailable(Clock::systemUTC));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RabbitListener.class)
    @ConditionalOnBean({MessagingTopology.class, ProcessedEvents.class})
    @ConditionalOnProperty("brandcluster.messaging.subscriptions." + PersonErasureListener.PURPOSE + ".exchange")
    static class Erasure {

        @Bean
        PersonErasureListener personErasureListener(PersonalDataDocuments documents, ProcessedEvents processedEvents,
                                                    MessagingTopology topology) {
            return new PersonErasureListener(documents, processedEvents,
                    topology.queue(PersonErasureListener.PURPOSE));
        }
    }
}
