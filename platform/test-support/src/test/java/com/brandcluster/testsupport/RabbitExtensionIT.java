package com.brandcluster.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@ExtendWith(RabbitExtension.class)
class RabbitExtensionIT {

    @Test
    void setsSpringPropertiesToThisJvmsOwnVirtualHost() {
        RabbitInfo info = RabbitExtension.info();

        assertThat(info.virtualHost()).matches("bc-test-" + ProcessHandle.current().pid() + "-[0-9a-f]{8}");
        assertThat(System.getProperty("spring.rabbitmq.virtual-host")).isEqualTo(info.virtualHost());
        assertThat(System.getProperty("spring.rabbitmq.addresses")).isEqualTo(info.addresses());
        assertThat(System.getProperty("spring.rabbitmq.username")).isEqualTo(info.username());
        assertThat(System.getProperty("spring.rabbitmq.password")).isEqualTo(info.password());
        assertThat(System.getProperty("brandcluster.messaging.management.url"))
                .isEqualTo(info.managementUrl().toString());
        assertThat(info.management().get("/api/vhosts/" + RabbitManagement.enc(info.virtualHost()))
                .path("name").asString()).isEqualTo(info.virtualHost());
    }

    @Test
    void managementClientCountsPeeksTakesAndPurgesMessages() throws Exception {
        RabbitManagement management = RabbitExtension.management();
        try (Connection connection = RabbitExtension.info().connectionFactory().newConnection();
             Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("it.events", "topic", true);
            channel.queueDeclare("it.inbox", true, false, false, Map.of("x-queue-type", "quorum"));
            channel.queueBind("it.inbox", "it.events", "it.thing.#");
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                    .contentType("application/json").headers(Map.of("trace", "t-1")).build();
            channel.basicPublish("it.events", "it.thing.created.v1", props,
                    "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish("it.events", "it.thing.created.v1", props,
                    "{\"n\":2}".getBytes(StandardCharsets.UTF_8));
        }

        await().until(() -> management.messageCount("it.inbox") == 2);
        assertThat(management.queue("it.inbox")).hasValueSatisfying(queue -> {
            assertThat(queue.type()).isEqualTo("quorum");
            assertThat(queue.durable()).isTrue();
        });
        assertThat(management.queues()).extracting(RabbitManagement.QueueInfo::name).contains("it.inbox");
        assertThat(management.exchangeExists("it.events")).isTrue();
        assertThat(management.exchangeExists("it.nothing")).isFalse();
        assertThat(management.bindings("it.inbox"))
                .anySatisfy(binding -> {
                    assertThat(binding.source()).isEqualTo("it.events");
                    assertThat(binding.routingKey()).isEqualTo("it.thing.#");
                });

        var peeked = management.getMessages("it.inbox", 1);
        assertThat(peeked).singleElement().satisfies(message -> {
            assertThat(message.payload()).isEqualTo("{\"n\":1}");
            assertThat(message.routingKey()).isEqualTo("it.thing.created.v1");
            assertThat(message.exchange()).isEqualTo("it.events");
            assertThat(message.headers()).containsEntry("trace", "t-1");
            assertThat(message.properties()).containsEntry("content_type", "application/json");
        });
        await().until(() -> management.messageCount("it.inbox") == 2);

        assertThat(management.takeMessages("it.inbox", 1)).singleElement()
                .extracting(RabbitManagement.ReceivedMessage::payload).isEqualTo("{\"n\":1}");
        await().until(() -> management.messageCount("it.inbox") == 1);

        management.purge("it.inbox");
        assertThat(management.messageCount("it.inbox")).isZero();
        assertThat(management.queueExists("it.inbox")).isTrue();
    }

    @Test
    void purgesEveryQueueBeforeEachTestClassButKeepsTheTopology() {
        Fixtures.runAndExpectSuccess(PublishesToAQueue.class, 1);
        Fixtures.runAndExpectSuccess(FindsTheQueueEmpty.class, 1);
    }

    @Test
    void closeConnectionsDropsTheClientsOfTheVirtualHost() throws Exception {
        Connection connection = RabbitExtension.info().connectionFactory().newConnection("to-be-dropped");
        await().until(() -> RabbitExtension.management()
                .get("/api/vhosts/" + RabbitManagement.enc(RabbitExtension.info().virtualHost()) + "/connections")
                .size() > 0);

        RabbitExtension.management().closeConnections();

        await().until(() -> !connection.isOpen());
    }

    @Test
    void failsWithHowToEnableTheManagementPluginWhenItIsMissing() {
        RabbitInfo info = RabbitExtension.info();
        Map<String, String> env = Map.of("RABBITMQ_ADDRESSES", info.addresses(),
                "RABBITMQ_MANAGEMENT_URL", "http://127.0.0.1:" + Support.freePort());

        assertThatThrownBy(() -> RabbitExtension.create(env::get))
                .hasMessageContaining("rabbitmq-plugins enable rabbitmq_management");
    }

    @ExtendWith(RabbitExtension.class)
    static class PublishesToAQueue {

        @Test
        void publishes() throws Exception {
            try (Connection connection = RabbitExtension.info().connectionFactory().newConnection();
                 Channel channel = connection.createChannel()) {
                channel.queueDeclare("it.leftover", true, false, false, Map.of("x-queue-type", "quorum"));
                channel.basicPublish("", "it.leftover", null, "left over".getBytes(StandardCharsets.UTF_8));
            }
            await().until(() -> RabbitExtension.management().messageCount("it.leftover") == 1);
        }
    }

    @ExtendWith(RabbitExtension.class)
    static class FindsTheQueueEmpty {

        @Test
        void findsItEmpty() {
            assertThat(RabbitExtension.management().queueExists("it.leftover")).isTrue();
            assertThat(RabbitExtension.management().messageCount("it.leftover")).isZero();
        }
    }
}
