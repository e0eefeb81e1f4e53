package com.brandcluster.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventMessageConverterTest {

    private final EventMessageConverter converter = new EventMessageConverter(EventJson.newMapper());

    @Test
    void readsAMessageAsTheEventTypeOfTheRoutingKeyItWasReceivedWith() {
        Object event = converter.fromMessage(received(MemberAdmitted.ROUTING_KEY,
                EventFixtures.json(MemberAdmitted.ROUTING_KEY)));

        assertThat(event).isEqualTo(EventFixtures.event(MemberAdmitted.class));
    }

    @Test
    void ignoresPropertiesItDoesNotKnow() {
        Object event = converter.fromMessage(received(MembershipStatusChanged.ROUTING_KEY,
                EventFixtures.json(MembershipStatusChanged.ROUTING_KEY, Map.of("newField", List.of(1, 2)))));

        assertThat(event).isEqualTo(EventFixtures.event(MembershipStatusChanged.class));
    }

    @Test
    void refusesARoutingKeyThatIsNotCatalogued() {
        Message message = received("membership.member.renamed.v9", EventFixtures.json(MemberAdmitted.ROUTING_KEY));

        assertThatExceptionOfType(MessageConversionException.class).isThrownBy(() -> converter.fromMessage(message))
                .withMessageContaining("membership.member.renamed.v9");
    }

    @Test
    void refusesMalformedJsonWithoutQuotingIt() {
        Message message = received(MemberAdmitted.ROUTING_KEY, "{\"enterpriseName\": \"Secret Co\", \"version\": ");

        assertThatExceptionOfType(MessageConversionException.class).isThrownBy(() -> converter.fromMessage(message))
                .withMessageContaining(MemberAdmitted.ROUTING_KEY)
                .withMessageNotContaining("Secret Co");
    }

    @Test
    void refusesAnEventWithoutEventId() {
        var withoutId = EventFixtures.node(MemberAdmitted.ROUTING_KEY);
        withoutId.remove("eventId");
        Message message = received(MemberAdmitted.ROUTING_KEY, withoutId.toString());

        assertThatExceptionOfType(MessageConversionException.class).isThrownBy(() -> converter.fromMessage(message))
                .withMessageContaining("has no eventId");
    }

    @Test
    void recognisesAMessageMovedBackFromItsDeadLetterQueueByItsTypeOrItsDeathRecord() {
        Message byType = received("events-service.members", EventFixtures.json(MemberAdmitted.ROUTING_KEY));
        byType.getMessageProperties().setType(MemberAdmitted.ROUTING_KEY);
        Message byDeath = received("events-service.members", EventFixtures.json(MemberAdmitted.ROUTING_KEY));
        byDeath.getMessageProperties().setHeader("x-death", List.of(Map.of("reason", "rejected",
                "routing-keys", List.of(MemberAdmitted.ROUTING_KEY))));

        assertThat(converter.fromMessage(byType)).isInstanceOf(MemberAdmitted.class);
        assertThat(converter.fromMessage(byDeath)).isInstanceOf(MemberAdmitted.class);
    }

    @Test
    void writesEventsWithIsoDatesAndTheirRoutingKeyAsType() {
        MemberAdmitted event = EventFixtures.event(MemberAdmitted.class);

        Message message = converter.toMessage(event, new MessageProperties());

        String json = new String(message.getBody(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"occurredAt\":\"" + Instant.parse("2026-03-18T02:15:30Z") + "\"")
                .contains("\"validUntil\":\"" + LocalDate.parse("2027-03-17") + "\"");
        assertThat(message.getMessageProperties().getType()).isEqualTo(MemberAdmitted.ROUTING_KEY);
        assertThat(message.getMessageProperties().getMessageId()).isEqualTo(event.eventId().toString());
        assertThat(converter.fromMessage(received(MemberAdmitted.ROUTING_KEY, json))).isEqualTo(event);
    }

    private static Message received(String routingKey, String body) {
        MessageProperties properties = new MessageProperties();
        properties.setReceivedRoutingKey(routingKey);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
    }
}
