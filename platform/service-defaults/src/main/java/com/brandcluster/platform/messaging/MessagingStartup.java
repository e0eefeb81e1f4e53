package com.brandcluster.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.SmartLifecycle;

/**
 * At start, before any listener container: applies the per-queue policies through the management API, then opens
 * a connection so that {@code RabbitAdmin} declares the whole topology up front (it declares it again on every
 * reconnection). A service that only publishes therefore has its exchanges and every subscriber's queue (if it
 * subscribes) in place before the first message goes out, and nothing published before a consumer first starts is
 * lost.
 *
 * <p>When the management API is unreachable the start goes on (unless {@code management.required}) and the policies
 * are retried in the background; when the broker is down the topology is declared on the first connection.
 */
final class MessagingStartup implements SmartLifecycle {

    /** Before the listener containers and the outbox relay. */
    static final int PHASE = Integer.MAX_VALUE - 1000;

    private static final Logger log = LoggerFactory.getLogger(MessagingStartup.class);
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(30);

    private final MessagingTopology topology;
    private final ConnectionFactory connectionFactory;
    private final @Nullable RabbitPolicies policies;
    private final boolean policiesRequired;
    private @Nullable ScheduledExecutorService retries;
    private volatile boolean running;

    MessagingStartup(MessagingTopology topology, ConnectionFactory connectionFactory,
                     @Nullable RabbitPolicies policies, boolean policiesRequired) {
        this.topology = topology;
        this.connectionFactory = connectionFactory;
        this.policies = policies;
        this.policiesRequired = policiesRequired;
    }

    @Override
    public void start() {
        running = true;
        List<MessagingTopology.QueuePolicy> wanted = topology.policies();
        if (policies != null && !wanted.isEmpty() && !tryApplyPolicies(wanted, !policiesRequired)) {
            if (policiesRequired) {
                throw new IllegalStateException("Could not apply the RabbitMQ policies for " + topology.queues()
                        .values() + " (brandcluster.messaging.management.required=true)");
            }
            retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "rabbit-policies");
                thread.setDaemon(true);
                return thread;
            });
            retries.scheduleWithFixedDelay(() -> {
                if (tryApplyPolicies(wanted, false)) {
                    log.info("Applied RabbitMQ policies for {}", topology.queues().values());
                    retries.shutdown();
                }
            }, RETRY_INTERVAL.toSeconds(), RETRY_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        }
        declareTopology();
    }

    private boolean tryApplyPolicies(List<MessagingTopology.QueuePolicy> wanted, boolean warn) {
        try {
            int written = policies.apply(wanted);
            log.debug("RabbitMQ policies in place for {} ({} written)", topology.queues().values(), written);
            return true;
        }
        catch (RabbitPolicies.PolicyException ex) {
            if (warn) {
                log.warn("{}; dead-lettering and the delivery limit of {} are not set until it is (retrying every "
                        + "{}s; infra/rabbitmq/definitions.json sets them too)", ex.getMessage(),
                        topology.queues().values(), RETRY_INTERVAL.toSeconds());
            }
            else {
                log.debug("Applying RabbitMQ policies failed again: {}", ex.getMessage());
            }
            return false;
        }
    }

    private void declareTopology() {
        try (Connection ignored = connectionFactory.createConnection()) {
            log.debug("RabbitMQ topology declared: exchanges {}, queues {}", topology.exchanges(),
                    topology.queues().values());
        }
        catch (AmqpException ex) {
            log.warn("Could not declare the RabbitMQ topology at start ({}); it is declared on the next connection",
                    ex.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
