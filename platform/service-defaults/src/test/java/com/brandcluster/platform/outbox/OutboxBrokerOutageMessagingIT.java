package com.brandcluster.platform.outbox;

import java.time.Duration;

import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.platform.messaging.testapp.Deliveries;
import com.brandcluster.platform.messaging.testapp.MessagingTest;
import com.brandcluster.platform.messaging.testapp.MessagingTestApplication;
import com.brandcluster.platform.messaging.testapp.OtherDatabase;
import com.brandcluster.platform.messaging.testapp.TestEvents;
import com.brandcluster.platform.messaging.testapp.TestMembership;
import com.brandcluster.platform.messaging.testapp.TestMemberships;
import com.brandcluster.testsupport.FaultProxy;
import com.brandcluster.testsupport.PlatformInfrastructure;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second instance of the test service whose connection to RabbitMQ runs through a fault proxy (its own consumer
 * queue and database, so it shares nothing with the other tests' instance); closed after the class.
 */
@PlatformInfrastructure
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(locations = MessagingTest.PROPERTIES, properties = "spring.application.name=messaging-outage-test")
@DirtiesContext
class OutboxBrokerOutageMessagingIT {

    private static FaultProxy proxy;

    @Autowired
    TestMemberships memberships;

    @Autowired
    OutboxEvents outboxEvents;

    @Autowired
    OutboxRelay relay;

    @Autowired
    Deliveries deliveries;

    @DynamicPropertySource
    static void throughTheFaultProxy(DynamicPropertyRegistry registry) {
        if (proxy == null) {
            RabbitInfo rabbit = RabbitExtension.info();
            proxy = FaultProxy.to(rabbit.host(), rabbit.port());
        }
        registry.add("spring.rabbitmq.addresses", proxy::address);
        registry.add("spring.mongodb.uri", () -> OtherDatabase.uri("outage"));
    }

    @AfterAll
    static void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void keepsEventsPendingWhileRabbitMqIsUnreachableAndPublishesThemWhenItIsBack() {
        TestMembership membership = new TestMembership(TestEvents.newId(), "ACTIVE");
        MemberAdmitted admitted = TestEvents.admitted(membership.id(), 1, "ent-" + membership.id());
        membership.outbox().add(outboxEvents.entryFor(admitted));

        proxy.cut();
        try {
            memberships.save(membership);

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    isPending(membership.id()) && deliveries.count(admitted.eventId()) == 0);
        }
        finally {
            proxy.restore();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> !isPending(membership.id())
                && deliveries.count(admitted.eventId()) == 1);
        assertThat(relay.pendingDocuments()).isZero();
    }

    private boolean isPending(String membershipId) {
        return memberships.findById(membershipId).orElseThrow().outbox().get(0).pending();
    }
}
