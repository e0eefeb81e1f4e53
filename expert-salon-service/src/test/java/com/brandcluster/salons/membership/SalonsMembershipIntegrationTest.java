package com.brandcluster.salons.membership;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.brandcluster.contracts.Exchanges;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.PlatformInfrastructure;
import com.brandcluster.testsupport.RabbitExtension;

/**
 * The expert-salon-service context against MongoDB and RabbitMQ from test-support, with test tokens: the same
 * context configuration as every other integration test of this service (no extra properties here), so all of them
 * share one cached context. Publishes membership-service's events to the real vhost as membership-service would.
 */
@PlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SalonsMembershipIntegrationTest {

    @LocalServerPort
    private int port;

    protected ApiClient api;

    private Connection connection;
    private Channel channel;

    @BeforeEach
    void connectToRabbit() throws Exception {
        api = new ApiClient("http://127.0.0.1:" + port);
        connection = RabbitExtension.info().connectionFactory().newConnection();
        channel = connection.createChannel();
    }

    @AfterEach
    void disconnectFromRabbit() throws Exception {
        connection.close();
    }

    /** Publishes to membership-service's exchange, as its outbox relay does. */
    protected void publishMembershipEvent(String routingKey, String json) throws Exception {
        channel.basicPublish(Exchanges.MEMBERSHIP, routingKey, true, new AMQP.BasicProperties.Builder()
                .contentType("application/json").deliveryMode(2).messageId(UUID.randomUUID().toString()).build(),
                json.getBytes(StandardCharsets.UTF_8));
    }

    protected static String uniqueId(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
