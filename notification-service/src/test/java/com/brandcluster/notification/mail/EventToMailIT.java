package com.brandcluster.notification.mail;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.brandcluster.contracts.EventCatalog;
import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.membership.EnterpriseUserLinked;
import com.brandcluster.contracts.salons.ConsultationBooked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole way of one event, inside the service: a consultation booked for an enterprise, on RabbitMQ, becomes an
 * inbox entry and an e-mail that reaches the SMTP server in the user's language, with the booking's calendar invite.
 */
class EventToMailIT extends MailIntegrationTest {

    @Autowired
    RabbitTemplate rabbit;

    @Test
    void aBookedConsultationReachesTheEnterprisesUserAsAChineseMailWithItsCalendarInvite() throws Exception {
        String enterprise = "ent-" + new ObjectId().toHexString();
        String consultation = new ObjectId().toHexString();
        String address = "li.lei-" + enterprise + "@lighting.example";
        publish(EnterpriseUserLinked.ROUTING_KEY, Map.of("enterpriseId", enterprise,
                "userId", UUID.randomUUID().toString(), "email", address, "locale", "zh-CN",
                "displayName", "李雷", "version", 1));
        await().until(() -> mongo.exists(Query.query(Criteria.where("enterpriseId").is(enterprise)),
                "directory_enterprise_links"));

        publish(ConsultationBooked.ROUTING_KEY, Map.of("enterpriseId", enterprise, "consultationId", consultation,
                "expertId", UUID.randomUUID().toString(), "state", "CONFIRMED", "version", 1));
        await().until(() -> mongo.exists(Query.query(Criteria.where("to").is(address)), MailDelivery.class));
        dispatcher.dispatchDue();

        MimeMessage mail = awaitReceived(1).getFirst();
        assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo(address);
        assertThat(mail.getSubject()).containsPattern("\\p{IsHan}");
        MimeParts parts = MimeParts.of(mail);
        assertThat(parts.only("text/plain").text()).contains("李雷");
        assertThat(parts.only("text/html").text()).contains("<html lang=\"zh-CN\">");
        Calendar calendar = new CalendarBuilder().build(new StringReader(parts.only("application/ics").text()));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent event = calendar.<VEvent>getComponents(VEvent.VEVENT).getFirst();
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo("consultation-" + consultation + "@brandcluster");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
    }

    private void publish(String routingKey, Map<String, Object> overrides) {
        Map<String, Object> fields = new java.util.HashMap<>(overrides);
        fields.put("eventId", UUID.randomUUID().toString());
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        rabbit.send(EventCatalog.forRoutingKey(routingKey).orElseThrow().exchange(), routingKey, MessageBuilder
                .withBody(EventFixtures.json(routingKey, fields).getBytes(StandardCharsets.UTF_8))
                .andProperties(properties).build());
    }
}
