package com.brandcluster.notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.bson.Document;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.brandcluster.contracts.EventCatalog;
import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.membership.EnterpriseUserLinked;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.PlatformInfrastructure;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.TestTokens;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import static org.awaitility.Awaitility.await;

/**
 * The notification-service context against MongoDB and RabbitMQ from test-support, with test tokens, a recording
 * {@link com.brandcluster.notification.mail.MailQueue} and a Keycloak that cannot be reached (port 1): the one context
 * configuration of every IT of this service. Events are published to their producers' exchanges as the producers'
 * outbox relays do.
 */
@PlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "brandcluster.notifications.keycloak.url=http://127.0.0.1:1",
        "brandcluster.notifications.keycloak.connect-timeout=500ms",
        "brandcluster.notifications.portal-url=https://portal.test"})
@Import(RecordingMailQueue.Config.class)
public abstract class NotificationIntegrationTest {

    @LocalServerPort
    private int port;

    @Autowired
    protected MongoOperations mongo;

    @Autowired
    protected RecordingMailQueue mail;

    protected ApiClient api;

    private Connection connection;
    private Channel channel;

    @BeforeEach
    void openClients() throws IOException, TimeoutException {
        api = new ApiClient("http://127.0.0.1:" + port);
        connection = RabbitExtension.info().connectionFactory().newConnection();
        channel = connection.createChannel();
    }

    @AfterEach
    void closeClients() throws IOException {
        connection.close();
    }

    /** Publishes an event's JSON to its producer's exchange: persistent, mandatory, with a message id. */
    protected void publish(String routingKey, String json) throws IOException {
        String exchange = EventCatalog.forRoutingKey(routingKey).orElseThrow().exchange();
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                .deliveryMode(2).messageId(UUID.randomUUID().toString()).build();
        channel.basicPublish(exchange, routingKey, true, properties, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes the fixture of a routing key with a new event id and these fields replaced. */
    protected String publishFixture(String routingKey, Map<String, ?> overrides) throws IOException {
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> fields = new HashMap<>(overrides);
        fields.putIfAbsent("eventId", eventId);
        publish(routingKey, EventFixtures.json(routingKey, fields));
        return (String) fields.get("eventId");
    }

    protected static String newId(String prefix) {
        return prefix + "-" + new ObjectId().toHexString();
    }

    /**
     * A user linked to the enterprise, as membership-service's user-linked event does, once the directory holds it.
     *
     * @return the user id
     */
    protected String linkedUser(String enterpriseId, String email, String locale) throws IOException {
        String userId = UUID.randomUUID().toString();
        publishFixture(EnterpriseUserLinked.ROUTING_KEY, Map.of("enterpriseId", enterpriseId, "userId", userId,
                "email", email, "locale", locale, "displayName", "User " + email, "version", 1));
        awaitLinked(enterpriseId, userId, true);
        return userId;
    }

    protected void awaitLinked(String enterpriseId, String userId, boolean linked) {
        await().until(() -> mongo.exists(Query.query(Criteria.where("_id").is(enterpriseId + ":" + userId)
                .and("linked").is(linked)), "directory_enterprise_links"));
    }

    /** The user's inbox entries, as stored. */
    protected long notificationsOf(String userId) {
        return mongo.count(Query.query(Criteria.where("userId").is(userId)), "notifications");
    }

    protected Document notificationOf(String userId, String sourceId) {
        return mongo.findOne(Query.query(Criteria.where("userId").is(userId).and("sourceId").is(sourceId)),
                Document.class, "notifications");
    }

    protected static String tokenOf(String userId, String... roles) {
        return TestTokens.user(userId).roles(roles.length == 0 ? new String[] {Roles.ENTERPRISE} : roles).issue();
    }
}
