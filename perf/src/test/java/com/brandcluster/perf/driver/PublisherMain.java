package com.brandcluster.perf.driver;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.brandcluster.platform.outbox.OutboxProperties;
import com.brandcluster.platform.outbox.OutboxRelay;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One publisher of the relay throughput arms, in a JVM of its own on the portal's CPUs, so that its CPU time is its
 * own: {@code java -cp ... PublisherMain <way> <events> <warm-up events> <payload file> <exchange> <routing key>
 * <AMQP URI> <MongoDB URI> <database>}. The ways:
 * <ul>
 * <li>{@code relay}: the platform's {@link OutboxRelay} as the services configure it (correlated confirms, returns,
 * {@code mandatory}, one channel per round, batches of 100 documents), relaying the pending entries the driver wrote
 * into the collections {@code warmup} and {@code outbox} of {@code database}: rounds ({@link OutboxRelay#relayNow()})
 * until none is left;</li>
 * <li>{@code per-message}, {@code batched}, {@code async}: the RabbitMQ Java client's publisher loop of the RabbitMQ
 * tutorial "Publisher Confirms" (waiting for each confirm, a wait every {@value #BATCH} messages, a confirm listener),
 * publishing the same payload with the same properties to the same exchange.</li>
 * </ul>
 * Each publishes the warm-up events first (not measured, same JVM, so the JIT has compiled the loop), then the measured
 * ones, and prints {@value #RESULT} with the messages, the wall time and this process's CPU time of the measured part
 * (for the relay also its MongoDB commands and the time it waited for their answers).
 */
public final class PublisherMain {

    static final String RESULT = "publisher result:";
    static final int BATCH = 100;
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);

    private PublisherMain() {
    }

    public static void main(String[] args) throws Exception {
        String way = args[0];
        int events = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        byte[] payload = Files.readAllBytes(Path.of(args[3]));
        String exchange = args[4];
        String routingKey = args[5];
        String amqpUri = args[6];
        if ("relay".equals(way)) {
            MongoCommands commands = new MongoCommands();
            try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(args[7])).addCommandListener(commands).build())) {
                MongoTemplate mongo = new MongoTemplate(client, args[8]);
                CachingConnectionFactory connections = connections(amqpUri);
                try {
                    relay(mongo, connections, "warmup");
                    commands.reset();
                    long[] measured = measure(() -> relay(mongo, connections, "outbox"));
                    report(way, measured[2], measured);
                    System.out.println(RESULT + " mongoCommands=" + commands.count.sum() + " mongoNanos="
                            + commands.nanos.sum());
                }
                finally {
                    connections.destroy();
                }
            }
            return;
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqpUri);
        try (Connection connection = factory.newConnection("perf-" + way); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.addReturnListener(returned -> {
                throw new IllegalStateException("Returned as unroutable: " + returned.getReplyText());
            });
            Loop loop = switch (way) {
                case "per-message" -> count -> perMessage(channel, exchange, routingKey, payload, count);
                case "batched" -> count -> batched(channel, exchange, routingKey, payload, count);
                case "async" -> count -> async(channel, exchange, routingKey, payload, count);
                default -> throw new IllegalArgumentException("No way " + way);
            };
            loop.publish(warmup);
            long[] measured = measure(() -> {
                loop.publish(events);
                return events;
            });
            report(way, events, measured);
        }
    }

    /** Counts the relay's MongoDB commands and the time it waited for their answers. */
    private static final class MongoCommands implements CommandListener {

        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();

        @Override
        public void commandSucceeded(CommandSucceededEvent event) {
            count.increment();
            nanos.add(event.getElapsedTime(TimeUnit.NANOSECONDS));
        }

        @Override
        public void commandFailed(CommandFailedEvent event) {
            count.increment();
            nanos.add(event.getElapsedTime(TimeUnit.NANOSECONDS));
        }

        void reset() {
            count.reset();
            nanos.reset();
        }
    }

    private interface Loop {
        void publish(int count) throws Exception;
    }

    private interface Work {
        long run() throws Exception;
    }

    /** Wall nanoseconds, process CPU nanoseconds and the work's count. */
    private static long[] measure(Work work) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        long count = work.run();
        long wall = System.nanoTime() - start;
        return new long[] {wall, os.getProcessCpuTime() - cpu, count};
    }

    private static void report(String way, long messages, long[] measured) {
        System.out.println(RESULT + " way=" + way + " messages=" + messages + " wallNanos=" + measured[0]
                + " cpuNanos=" + measured[1]);
    }

    /** The relay's connection factory, configured as the services' (correlated confirms and returns). */
    private static CachingConnectionFactory connections(String amqpUri) {
        CachingConnectionFactory connections = new CachingConnectionFactory(java.net.URI.create(amqpUri));
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connections.setPublisherReturns(true);
        return connections;
    }

    /** Relays every pending entry of {@code collection} as the services' relay does; how many it confirmed. */
    private static long relay(MongoTemplate mongo, CachingConnectionFactory connections, String collection) {
        RabbitTemplate rabbit = new RabbitTemplate(connections);
        rabbit.setMandatory(true);
        rabbit.setUsePublisherConnection(true);
        OutboxProperties properties = new OutboxProperties(false, Duration.ofSeconds(1), BATCH,
                Duration.ofSeconds(10), Duration.ofDays(7), Duration.ofHours(1), Duration.ofSeconds(30),
                Duration.ofMinutes(1));
        OutboxRelay relay = new OutboxRelay(mongo, rabbit, properties, Set.of(collection), null, null,
                Clock.systemUTC());
        relay.start();
        try {
            long confirmed = 0;
            for (int round = relay.relayNow(); round > 0; round = relay.relayNow()) {
                confirmed += round;
            }
            if (relay.pendingDocuments() > 0) {
                throw new IllegalStateException(relay.pendingDocuments() + " documents of " + collection
                        + " still hold pending entries");
            }
            return confirmed;
        }
        finally {
            relay.stop();
        }
    }

    private static AMQP.BasicProperties properties(String routingKey) {
        return new AMQP.BasicProperties.Builder().contentType("application/json").contentEncoding("UTF-8")
                .deliveryMode(2).messageId(UUID.randomUUID().toString()).type(routingKey).timestamp(new Date())
                .build();
    }

    /** Strategy 1 of the tutorial: wait for each message's confirm. */
    private static void perMessage(Channel channel, String exchange, String routingKey, byte[] payload, int count)
            throws Exception {
        for (int i = 0; i < count; i++) {
            channel.basicPublish(exchange, routingKey, true, properties(routingKey), payload);
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
        }
    }

    /** Strategy 2: publish a batch, then wait for its confirms. */
    private static void batched(Channel channel, String exchange, String routingKey, byte[] payload, int count)
            throws Exception {
        for (int i = 1; i <= count; i++) {
            channel.basicPublish(exchange, routingKey, true, properties(routingKey), payload);
            if (i % BATCH == 0 || i == count) {
                channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
            }
        }
    }

    /** Strategy 3: publish without waiting; a confirm listener settles the outstanding messages. */
    private static void async(Channel channel, String exchange, String routingKey, byte[] payload, int count)
            throws Exception {
        ConcurrentNavigableMap<Long, Boolean> outstanding = new ConcurrentSkipListMap<>();
        java.util.concurrent.atomic.AtomicLong nacked = new java.util.concurrent.atomic.AtomicLong();
        com.rabbitmq.client.ConfirmCallback settled = (sequence, multiple) -> {
            if (multiple) {
                outstanding.headMap(sequence, true).clear();
            }
            else {
                outstanding.remove(sequence);
            }
        };
        com.rabbitmq.client.ConfirmListener listener = channel.addConfirmListener(settled, (sequence, multiple) -> {
            nacked.incrementAndGet();
            settled.handle(sequence, multiple);
        });
        try {
            for (int i = 0; i < count; i++) {
                outstanding.put(channel.getNextPublishSeqNo(), Boolean.TRUE);
                channel.basicPublish(exchange, routingKey, true, properties(routingKey), payload);
            }
            long deadline = System.nanoTime() + CONFIRM_TIMEOUT.toNanos();
            while (!outstanding.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(outstanding.size() + " messages not confirmed");
                }
                TimeUnit.MICROSECONDS.sleep(200);
            }
            if (nacked.get() > 0) {
                throw new IllegalStateException(nacked.get() + " messages nacked");
            }
        }
        finally {
            channel.removeConfirmListener(listener);
        }
    }
}
