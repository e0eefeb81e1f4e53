package com.brandcluster.platform.messaging;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.brandcluster.contracts.DomainEvent;
import com.brandcluster.contracts.EventCatalog;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;

/**
 * Reads an event message into its record type, chosen by the routing key it was received with through
 * {@link EventCatalog} (never by a class-name header), with the tolerant {@code eventJsonMapper}.
 *
 * <p>A message whose routing key is not catalogued, or whose body is not valid JSON for its type, raises a
 * {@link MessageConversionException}, and so does an event without {@code eventId} (no consumer could deduplicate
 * it): the listener container treats it as fatal and rejects the message without
 * requeueing it, so it goes straight to the queue's DLQ instead of being retried.
 *
 * <p>A message moved back from a DLQ (e.g. with a shovel, published to the default exchange under the queue's name)
 * no longer has its original routing key; it is then recognised by the AMQP {@code type} property, which the outbox
 * relay sets to the routing key, or by the routing key recorded in its {@code x-death} header.
 */
public final class EventMessageConverter implements MessageConverter {

    private final JsonMapper mapper;

    public EventMessageConverter(JsonMapper eventJsonMapper) {
        this.mapper = eventJsonMapper;
    }

    @Override
    public Message toMessage(Object object, MessageProperties properties) {
        try {
            byte[] body = mapper.writeValueAsBytes(object);
            properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
            properties.setContentEncoding("UTF-8");
            properties.setContentLength(body.length);
            if (object instanceof DomainEvent event) {
                EventCatalog.Entry entry = EventCatalog.of(event.getClass());
                properties.setType(entry.routingKey());
                properties.setMessageId(event.eventId().toString());
            }
            return new Message(body, properties);
        }
        catch (JacksonException ex) {
            throw new MessageConversionException("Cannot write " + object.getClass().getName() + " as JSON", ex);
        }
    }

    @Override
    public Object fromMessage(Message message) {
        MessageProperties properties = message.getMessageProperties();
        EventCatalog.Entry entry = entryFor(properties).orElseThrow(() -> new MessageConversionException(
                "No event type is catalogued for routing key '" + properties.getReceivedRoutingKey()
                        + "' (message " + properties.getMessageId() + ")"));
        Object event;
        try {
            event = mapper.readValue(message.getBody(), entry.type());
        }
        catch (JacksonException ex) {
            // The location only, never the content: payloads may carry personal data.
            throw new MessageConversionException("Malformed " + entry.routingKey() + " message "
                    + properties.getMessageId() + " at " + ex.getLocation());
        }
        if (event == null || (event instanceof DomainEvent domainEvent && domainEvent.eventId() == null)) {
            // without an id no consumer can tell a redelivery from a new event
            throw new MessageConversionException("The " + entry.routingKey() + " message "
                    + properties.getMessageId() + " has no eventId");
        }
        return event;
    }

    static Optional<EventCatalog.Entry> entryFor(MessageProperties properties) {
        Optional<EventCatalog.Entry> byRoutingKey = lookup(properties.getReceivedRoutingKey());
        if (byRoutingKey.isPresent()) {
            return byRoutingKey;
        }
        Optional<EventCatalog.Entry> byType = lookup(properties.getType());
        if (byType.isPresent()) {
            return byType;
        }
        return lookup(firstDeathRoutingKey(properties));
    }

    private static Optional<EventCatalog.Entry> lookup(@Nullable String routingKey) {
        return routingKey == null ? Optional.empty() : EventCatalog.forRoutingKey(routingKey);
    }

    private static @Nullable String firstDeathRoutingKey(MessageProperties properties) {
        List<Map<String, ?>> deaths = properties.getXDeathHeader();
        if (deaths == null || deaths.isEmpty()) {
            return null;
        }
        Object keys = deaths.get(deaths.size() - 1).get("routing-keys");
        if (keys instanceof List<?> list && !list.isEmpty()) {
            return String.valueOf(list.get(0));
        }
        return null;
    }
}
