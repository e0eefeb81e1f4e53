package com.brandcluster.platform.messaging.testapp;

import java.nio.charset.StandardCharsets;

import com.brandcluster.contracts.DomainEvent;
import com.brandcluster.contracts.EventCatalog;
import com.brandcluster.contracts.Exchanges;
import com.brandcluster.platform.messaging.EventJson;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Publishes as another service would, straight to the broker (no outbox): events, or any body as an event. */
@Component
public class TestPublisher {

    private final RabbitTemplate rabbitTemplate;
    private final JsonMapper eventJsonMapper;

    TestPublisher(RabbitTemplate rabbitTemplate, @Qualifier(EventJson.MAPPER_BEAN_NAME) JsonMapper eventJsonMapper) {
        this.rabbitTemplate = rabbitTemplate;
        this.eventJsonMapper = eventJsonMapper;
    }

    /** The event to its exchange with its routing key, its id as message id. */
    public void publish(DomainEvent event) {
        EventCatalog.Entry entry = EventCatalog.of(event.getClass());
        publish(entry.exchange(), entry.routingKey(), eventJsonMapper.writeValueAsString(event),
                event.eventId().toString());
    }

    /** Any body (malformed, without event id...) to {@value Exchanges#MEMBERSHIP} with this routing key. */
    public void publishRaw(String routingKey, String body, String messageId) {
        publish(Exchanges.MEMBERSHIP, routingKey, body, messageId);
    }

    private void publish(String exchange, String routingKey, String body, String messageId) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setMessageId(messageId);
        rabbitTemplate.send(exchange, routingKey, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
    }
}
