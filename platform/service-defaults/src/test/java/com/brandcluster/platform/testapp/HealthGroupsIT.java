package com.brandcluster.platform.testapp;

import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.brandcluster.testsupport.PlatformInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With MongoDB and RabbitMQ present (from test-support), the readiness group checks both; liveness checks neither,
 * so a broker outage takes a service out of the load balancer without restarting it. The MongoDB client gives up
 * looking for a server after 5 s, so that readiness and requests report an unreachable database quickly.
 */
@PlatformInfrastructure
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.autoconfigure.exclude=com.brandcluster.platform.messaging.MessagingAutoConfiguration,"
                        + "com.brandcluster.platform.messaging.EventListenerAutoConfiguration,"
                        + "com.brandcluster.platform.messaging.IdempotentConsumersAutoConfiguration,"
                        + "com.brandcluster.platform.outbox.OutboxAutoConfiguration",
                "testapp.remote.url=http://127.0.0.1:9",
                "management.endpoint.health.show-components=always"})
@TestPropertySource(properties = "spring.application.name=testapp-health")
class HealthGroupsIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongoClient;

    @Test
    void anUnreachableDatabaseIsReportedWithinSecondsNotTheDriversHalfMinute() {
        assertThat(mongoClient.getClusterDescription().getClusterSettings()
                .getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
    }

    @Test
    void readinessIncludesMongoAndRabbit() {
        Http.Response readiness = new Http(port).get("/actuator/health/readiness");

        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        JsonNode components = readiness.json().get("components");
        assertThat(components.propertyNames()).containsExactlyInAnyOrder("readinessState", "mongo", "rabbit");
        assertThat(components.get("mongo").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("rabbit").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void livenessIncludesOnlyTheApplicationState() {
        Http.Response liveness = new Http(port).get("/actuator/health/liveness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("components").propertyNames()).containsExactly("livenessState");
    }
}
