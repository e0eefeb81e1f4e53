package com.brandcluster.platform.messaging;

import com.brandcluster.platform.outbox.OutboxAutoConfiguration;
import com.brandcluster.platform.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway depends on service-defaults without the AMQP and MongoDB starters: the messaging, consumer and outbox
 * auto-configurations back off without failing.
 */
class MessagingBacksOffWithoutBrokerClassesTest {

    @Test
    void contributesNothingWithoutSpringAmqpAndSpringDataMongoDb() {
        new ReactiveWebApplicationContextRunner()
                .withClassLoader(new FilteredClassLoader("org.springframework.amqp", "com.rabbitmq",
                        "org.springframework.boot.amqp", "com.mongodb", "org.springframework.data.mongodb",
                        "org.springframework.boot.mongodb", "org.springframework.boot.data.mongodb"))
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                        MessagingAutoConfiguration.class, EventListenerAutoConfiguration.class,
                        IdempotentConsumersAutoConfiguration.class, OutboxAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(MessagingTopology.class);
                    assertThat(context).doesNotHaveBean(EventJson.MAPPER_BEAN_NAME);
                    assertThat(context).doesNotHaveBean("rabbitListenerContainerFactory");
                    assertThat(context).doesNotHaveBean(Projections.class);
                    assertThat(context).doesNotHaveBean(ProcessedEvents.class);
                    assertThat(context).doesNotHaveBean(OutboxRelay.class);
                });
    }
}
