package com.brandcluster.platform.messaging;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.brandcluster.contracts.Exchanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Neither an unreachable management API nor an unreachable broker stops a service from starting (by default). */
class MessagingStartupTest {

    private final MessagingTopology topology = new MessagingTopology(new MessagingProperties(null, null,
            Map.of("members", new MessagingProperties.Subscription(Exchanges.MEMBERSHIP,
                    List.of("membership.member.#"))), 5, null), "events-service");
    private final CachingConnectionFactory nowhere = new CachingConnectionFactory("127.0.0.1", freePort());
    private MessagingStartup startup;

    @AfterEach
    void stop() {
        if (startup != null) {
            startup.stop();
        }
        nowhere.destroy();
    }

    @Test
    void startsWhenTheManagementApiAndTheBrokerAreUnreachable() {
        startup = new MessagingStartup(topology, nowhere, unreachablePolicies(), false);

        assertThatNoException().isThrownBy(startup::start);
    }

    @Test
    void failsToStartWhenPoliciesAreRequiredAndCannotBeApplied() {
        startup = new MessagingStartup(topology, nowhere, unreachablePolicies(), true);

        assertThatIllegalStateException().isThrownBy(startup::start).withMessageContaining("events-service.members");
    }

    private RabbitPolicies unreachablePolicies() {
        return new RabbitPolicies(URI.create("http://127.0.0.1:" + freePort()), "guest", "guest", "/",
                Duration.ofSeconds(1));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
