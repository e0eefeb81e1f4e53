package com.brandcluster.platform.messaging;

import java.net.URI;
import java.time.Duration;

import com.rabbitmq.client.Channel;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.amqp.autoconfigure.RabbitTemplateCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Messaging conventions every service gets (DESIGN.md §5): the tolerant event mapper, the service's topology declared
 * at start with its dead-lettering policies, and a publisher that uses confirms, returns and {@code mandatory}.
 * The listener side is in {@link EventListenerAutoConfiguration}.
 */
@AutoConfiguration(after = {RabbitAutoConfiguration.class, JacksonAutoConfiguration.class})
@ConditionalOnClass({RabbitTemplate.class, Channel.class})
@ConditionalOnBean(ConnectionFactory.class)
@EnableConfigurationProperties(MessagingProperties.class)
public final class MessagingAutoConfiguration {

    static final Duration MANAGEMENT_TIMEOUT = Duration.ofSeconds(5);

    /** The tolerant mapper for events. Not a default candidate, so the HTTP layer keeps Boot's (strict) mapper. */
    @Bean(name = EventJson.MAPPER_BEAN_NAME, defaultCandidate = false)
    @ConditionalOnMissingBean(name = EventJson.MAPPER_BEAN_NAME)
    JsonMapper eventJsonMapper() {
        return EventJson.newMapper();
    }

    @Bean
    @ConditionalOnMissingBean
    MessagingTopology messagingTopology(MessagingProperties properties, Environment environment) {
        return new MessagingTopology(properties, environment.getProperty("spring.application.name"));
    }

    @Bean
    Declarables brandclusterMessagingDeclarables(MessagingTopology topology) {
        return topology.declarables();
    }

    @Bean
    MessagingStartup brandclusterMessagingStartup(MessagingTopology topology, ConnectionFactory connectionFactory,
                                                  MessagingProperties properties,
                                                  ObjectProvider<RabbitConnectionDetails> connectionDetails) {
        MessagingProperties.Management management = properties.management();
        RabbitPolicies policies = null;
        if (management.applyPolicies()) {
            RabbitConnectionDetails details = connectionDetails.getIfAvailable();
            String host = details == null ? connectionFactory.getHost() : details.getFirstAddress().host();
            URI url = management.url() != null ? management.url() : URI.create("http://" + host + ":15672");
            String username = firstText(management.username(), details == null ? null : details.getUsername(),
                    connectionFactory.getUsername());
            String password = firstText(management.password(), details == null ? null : details.getPassword(), "");
            String virtualHost = firstText(details == null ? null : details.getVirtualHost(),
                    connectionFactory.getVirtualHost(), "/");
            policies = new RabbitPolicies(url, username, password, virtualHost, MANAGEMENT_TIMEOUT);
        }
        return new MessagingStartup(topology, connectionFactory, policies, management.required());
    }

    /** Every publish through the application's template is {@code mandatory} and observed (trace headers). */
    @Bean
    RabbitTemplateCustomizer brandclusterRabbitTemplateCustomizer() {
        return template -> {
            template.setMandatory(true);
            template.setObservationEnabled(true);
        };
    }

    /**
     * Publisher confirms (correlated) and returns are not optional here: the outbox relay marks an event sent only
     * when the broker confirmed it and did not return it as unroutable.
     */
    @Bean
    static BeanPostProcessor brandclusterPublisherConfirms() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof CachingConnectionFactory connectionFactory) {
                    connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
                    connectionFactory.setPublisherReturns(true);
                }
                return bean;
            }
        };
    }

    static String firstText(String... candidates) {
        for (String candidate : candidates) {
            if (StringUtils.hasText(candidate)) {
                return candidate;
            }
        }
        return "";
    }
}
