package com.brandcluster.platform.messaging;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

import com.brandcluster.platform.security.HttpAuthorizations;
import com.brandcluster.platform.security.Roles;

/**
 * The operators' view of the dead-letter queues ({@link DeadLettersEndpoint}) in every servlet service with
 * messaging. Only alliance administrators (realm role {@value Roles#ALLIANCE_ADMIN}, who operate the portal, as for
 * the mail queue) may call it: the rule matches the endpoint wherever the management base path or port puts it, and
 * is the first of the service's request rules. The gateway does not route {@code /actuator/**} to the services, so
 * it is reachable only inside the deployment's network.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, HttpSecurity.class, EndpointRequest.class})
@ConditionalOnBean({MessagingTopology.class, ConnectionFactory.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public final class DeadLettersAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(MessagingTopology topology, ConnectionFactory connectionFactory,
                            @Qualifier(EventJson.MAPPER_BEAN_NAME) ObjectProvider<JsonMapper> eventJsonMapper) {
        return new DeadLetters(topology, connectionFactory, eventJsonMapper.getIfAvailable(EventJson::newMapper));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
        return new DeadLettersEndpoint(deadLetters);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    HttpAuthorizations deadLettersForOperators() {
        return requests -> requests.requestMatchers(EndpointRequest.to(DeadLettersEndpoint.ID))
                .hasRole(Roles.ALLIANCE_ADMIN);
    }
}
