package com.brandcluster.platform.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.Exchanges;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.platform.messaging.testapp.Deliveries;
import com.brandcluster.platform.messaging.testapp.MessagingTestApplication;
import com.brandcluster.platform.messaging.testapp.OtherDatabase;
import com.brandcluster.testsupport.PlatformInfrastructure;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitInfo;
import com.brandcluster.testsupport.RabbitManagement;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code infra/rabbitmq/definitions.json} loaded into a fresh virtual host declares the topology up front: an event
 * published (mandatory) before its consumer ever started is routed, waits in the consumer's queue, and is consumed
 * when events-service first starts, whose own declarations and policies agree with the file.
 */
@PlatformInfrastructure
class DefinitionsFileMessagingIT {

    private static final Path DEFINITIONS = Path.of("../../infra/rabbitmq/definitions.json");

    @Test
    void anEventPublishedBeforeItsConsumerEverStartedIsConsumedWhenItStarts() throws Exception {
        RabbitInfo rabbit = RabbitExtension.info();
        String vhost = "bc-test-definitions-" + UUID.randomUUID();
        RabbitManagement management = rabbit.management().forVirtualHost(vhost);
        management.put("/api/vhosts/" + RabbitManagement.enc(vhost), Map.of());
        management.put("/api/permissions/" + RabbitManagement.enc(vhost) + "/" + RabbitManagement.enc(rabbit.username()),
                Map.of("configure", ".*", "write", ".*", "read", ".*"));
        try {
            importDefinitions(rabbit, vhost);
            UUID eventId = UUID.randomUUID();

            publishMandatory(rabbit, vhost, EventFixtures.json(MemberAdmitted.ROUTING_KEY, Map.of("eventId", eventId)));

            assertThat(management.messageCount("events-service.members")).isEqualTo(1);
            assertThat(management.messageCount("expert-salon-service.members")).isEqualTo(1);
            assertThat(management.messageCount("branding-assets-service.members")).isEqualTo(1);
            try (ConfigurableApplicationContext eventsService = startEventsService(vhost)) {
                Deliveries deliveries = eventsService.getBean(Deliveries.class);
                await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.count(eventId) == 1);
                assertThat(management.policy("events-service.members.dead-lettering").orElseThrow()
                        .path("definition").path("delivery-limit").asInt()).isEqualTo(5);
            }
        }
        finally {
            management.delete("/api/vhosts/" + RabbitManagement.enc(vhost));
        }
    }

    private static void importDefinitions(RabbitInfo rabbit, String vhost) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((rabbit.username() + ":" + rabbit.password())
                .getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                        rabbit.managementUrl() + "/api/definitions/" + RabbitManagement.enc(vhost)))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(DEFINITIONS))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    private static void publishMandatory(RabbitInfo rabbit, String vhost, String json) throws Exception {
        ConnectionFactory factory = rabbit.connectionFactory();
        factory.setVirtualHost(vhost);
        AtomicBoolean returned = new AtomicBoolean();
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.addReturnListener(unroutable -> returned.set(true));
            channel.confirmSelect();
            channel.basicPublish(Exchanges.MEMBERSHIP, MemberAdmitted.ROUTING_KEY, true,
                    new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(),
                    json.getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(5_000);
        }
        assertThat(returned).isFalse();
    }

    private static ConfigurableApplicationContext startEventsService(String vhost) {
        return new SpringApplicationBuilder(MessagingTestApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.application.name=events-service",
                        "--spring.rabbitmq.virtual-host=" + vhost,
                        "--spring.mongodb.uri=" + OtherDatabase.uri("definitions"),
                        "--brandcluster.messaging.subscriptions.members.exchange=" + Exchanges.MEMBERSHIP,
                        "--brandcluster.messaging.subscriptions.members.routing-keys=membership.member.#",
                        "--brandcluster.outbox.enabled=false");
    }
}
