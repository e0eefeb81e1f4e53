package com.brandcluster.platform.messaging;

import com.rabbitmq.client.Channel;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.config.ContainerCustomizer;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.amqp.autoconfigure.SimpleRabbitListenerContainerFactoryConfigurer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The listener container factory for {@code @RabbitListener}s, replacing Boot's: Boot's settings from
 * {@code spring.rabbitmq.listener.simple.*} apply, then the conventions:
 * <ul>
 * <li>messages are converted by their received routing key ({@link EventMessageConverter});</li>
 * <li>the container acknowledges after the listener returned (acknowledge mode AUTO; never the broker's
 * auto-ack); a failing listener's message is requeued, and the quorum queue's delivery limit dead-letters it after
 * bounded retries; unconvertible messages are rejected at once, to the DLQ ({@link EventListenerErrorHandler});</li>
 * <li>a modest prefetch (10, unless {@code spring.rabbitmq.listener.simple.prefetch} says otherwise);</li>
 * <li>observation on, so that the trace of the publisher continues in the listener.</li>
 * </ul>
 */
@AutoConfiguration(before = RabbitAutoConfiguration.class)
@ConditionalOnClass({RabbitTemplate.class, Channel.class})
public final class EventListenerAutoConfiguration {

    static final int DEFAULT_PREFETCH = 10;

    @Bean(name = "rabbitListenerContainerFactory")
    @ConditionalOnMissingBean(name = "rabbitListenerContainerFactory")
    @ConditionalOnProperty(name = "spring.rabbitmq.listener.type", havingValue = "simple", matchIfMissing = true)
    SimpleRabbitListenerContainerFactory rabbitListenerContainerFactory(
            SimpleRabbitListenerContainerFactoryConfigurer configurer, ConnectionFactory connectionFactory,
            RabbitProperties rabbitProperties,
            @Qualifier(EventJson.MAPPER_BEAN_NAME) ObjectProvider<JsonMapper> eventJsonMapper,
            ObjectProvider<ContainerCustomizer<SimpleMessageListenerContainer>> customizer) {
        SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
        configurer.configure(factory, connectionFactory);
        RabbitProperties.SimpleContainer settings = rabbitProperties.getListener().getSimple();
        AcknowledgeMode acknowledgeMode = settings.getAcknowledgeMode();
        if (acknowledgeMode == AcknowledgeMode.NONE) {
            throw new IllegalStateException("spring.rabbitmq.listener.simple.acknowledge-mode=none would let the "
                    + "broker drop a message whose listener fails; use auto (the default here) or manual");
        }
        factory.setAcknowledgeMode(acknowledgeMode == null ? AcknowledgeMode.AUTO : acknowledgeMode);
        if (settings.getPrefetch() == null) {
            factory.setPrefetchCount(DEFAULT_PREFETCH);
        }
        if (settings.getDefaultRequeueRejected() == null) {
            factory.setDefaultRequeueRejected(true);
        }
        factory.setMessageConverter(new EventMessageConverter(eventJsonMapper.getIfAvailable(EventJson::newMapper)));
        factory.setErrorHandler(new EventListenerErrorHandler());
        factory.setObservationEnabled(true);
        customizer.ifUnique(factory::setContainerCustomizer);
        return factory;
    }
}
