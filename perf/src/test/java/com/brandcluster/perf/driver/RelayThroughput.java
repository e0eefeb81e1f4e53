package com.brandcluster.perf.driver;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitInfo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.bson.Document;

/**
 * The relay throughput arms: {@code events} events published with publisher confirms by the platform's outbox relay
 * and by the reference loops of the RabbitMQ tutorial "Publisher Confirms", each by {@link PublisherMain} in a JVM of
 * its own on the portal's CPUs, one after the other, against the portal's MongoDB and RabbitMQ virtual host: the same
 * broker, exchange ({@value #EXCHANGE}, topic, durable), queue ({@value #QUEUE}, classic, durable, emptied before each
 * arm), payload and message properties (persistent). For the relay the driver first writes the events as pending
 * entries, one per document as an aggregate's change leaves them, into a collection of the database
 * {@value #DATABASE}. Each arm is checked: every event reached the queue, none is left pending.
 */
public final class RelayThroughput {

    public static final String EXCHANGE = "perf.relay";
    public static final String QUEUE = "perf.relay";
    static final String DATABASE = "relay";
    static final String ROUTING_KEY = "perf.relay.event.v1";
    /** The ways, in the order they run; the relay last, when the broker has seen the most traffic. */
    public static final List<String> WAYS = List.of("per-message", "batched", "async", "relay");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private RelayThroughput() {
    }

    /**
     * What one way measured: the measured events, the wall and CPU time of their publishing, MongoDB's CPU time meanwhile,
     * and, for the relay, its MongoDB commands and the time it waited for their answers.
     */
    public record Result(String way, long messages, long wallNanos, long publisherCpuNanos, double mongoCpuMillis,
                         int payloadBytes, long mongoCommands, long mongoWaitNanos) {

        public double messagesPerSecond() {
            return messages * 1e9 / wallNanos;
        }

        /** The run's record of this arm, in the fields every measured phase has (see {@code BenchmarkTable}). */
        public Map<String, Object> record(String scenario, String label) {
            Map<String, Object> record = new java.util.LinkedHashMap<>();
            record.put("scenario", scenario);
            record.put("arm", label);
            record.put("request", scenario + ": " + label);
            record.put("durationMillis", Math.max(1, Math.round(wallNanos / 1e6)));
            record.put("requests", messages);
            record.put("failed", 0);
            record.put("medianMillis", 0);
            record.put("p99Millis", 0);
            record.put("cpuMillis", Map.of("publisher", publisherCpuNanos / 1e6, "mongodb", mongoCpuMillis));
            record.put("servedBy", "relay".equals(way) ? List.of("publisher", "mongodb") : List.of("publisher"));
            record.put("keycloakRequests", 0);
            record.put("rssKib", Map.of());
            record.put("way", way);
            record.put("wallNanos", wallNanos);
            record.put("payloadBytes", payloadBytes);
            record.put("mongoCommands", mongoCommands);
            record.put("mongoWaitNanos", mongoWaitNanos);
            return record;
        }
    }

    /**
     * Runs every way of {@link #WAYS} with {@code events} measured events, each after {@code warmup} events of its own
     * (not measured); {@code payload} is the message body (an event of the portal, as its outbox holds it).
     */
    public static List<Result> measure(PortalProcess mongo, CoreSplit cores, Path dir, String payload, int events,
                                       int warmup) {
        RabbitInfo rabbit = RabbitExtension.info();
        declare(rabbit);
        List<Result> results = new ArrayList<>();
        String mongoUri = "mongodb://127.0.0.1:" + mongo.port();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase database = client.getDatabase(DATABASE);
            Path payloadFile = dir.resolve("relay-payload.json");
            Files.createDirectories(dir);
            Files.writeString(payloadFile, payload);
            for (String way : WAYS) {
                purge(rabbit);
                if ("relay".equals(way)) {
                    database.drop();
                    writePending(database, "warmup", warmup, payload);
                    writePending(database, "outbox", events, payload);
                }
                double mongoBefore = mongo.cpuTime().toNanos() / 1e6;
                Map<String, Long> measured = run(cores, dir, List.of(way, Integer.toString(events),
                        Integer.toString(warmup), payloadFile.toString(), EXCHANGE, ROUTING_KEY, amqpUri(rabbit),
                        mongoUri, DATABASE));
                double mongoCpu = mongo.cpuTime().toNanos() / 1e6 - mongoBefore;
                long queued = queued(rabbit);
                if (measured.get("messages") != events || queued != (long) events + warmup) {
                    throw new IllegalStateException(way + ": " + measured.get("messages") + " of " + events
                            + " events confirmed, " + queued + " of " + (events + warmup) + " in " + QUEUE);
                }
                results.add(new Result(way, events, measured.get("wallNanos"), measured.get("cpuNanos"), mongoCpu,
                        payload.getBytes(StandardCharsets.UTF_8).length, measured.getOrDefault("mongoCommands", 0L),
                        measured.getOrDefault("mongoNanos", 0L)));
            }
            database.drop();
            purge(rabbit);
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return results;
    }

    /** Pending entries as {@code OutboxEntry} stores them, one per document. */
    private static void writePending(MongoDatabase database, String collection, int count, String payload) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(new Document("outbox", List.of(new Document("eventId", UUID.randomUUID().toString())
                    .append("exchange", EXCHANGE).append("routingKey", ROUTING_KEY).append("payload", payload)
                    .append("occurredAt", new Date()).append("traceparent", null).append("sentAt", null))));
            if (documents.size() == 1000 || i == count - 1) {
                database.getCollection(collection).insertMany(documents);
                documents.clear();
            }
        }
    }

    private static Map<String, Long> run(CoreSplit cores, Path dir, List<String> arguments) {
        String way = arguments.getFirst();
        Path log = dir.resolve("publisher-" + way + ".log");
        List<String> command = new ArrayList<>();
        if (cores.pinned()) {
            command.addAll(List.of("taskset", "-c", cores.portalCpus()));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(PortalProcess.SERVICE_JVM);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PublisherMain.class.getName()));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("The " + way + " publisher did not end within " + TIMEOUT);
            }
            List<String> lines = Files.readAllLines(log);
            Map<String, Long> figures = new java.util.HashMap<>();
            lines.stream().filter(line -> line.startsWith(PublisherMain.RESULT))
                    .flatMap(line -> java.util.Arrays.stream(line.substring(PublisherMain.RESULT.length()).trim()
                            .split(" ")))
                    .map(field -> field.split("=", 2)).filter(pair -> !"way".equals(pair[0]))
                    .forEach(pair -> figures.put(pair[0], Long.parseLong(pair[1])));
            if (process.exitValue() != 0 || !figures.containsKey("messages")) {
                throw new IllegalStateException("The " + way + " publisher exited with " + process.exitValue()
                        + " and no result; its log:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
            return figures;
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException("Could not run the " + way + " publisher", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String amqpUri(RabbitInfo rabbit) {
        return "amqp://" + encode(rabbit.username()) + ":" + encode(rabbit.password()) + "@" + rabbit.host() + ":"
                + rabbit.port() + "/" + encode(rabbit.virtualHost());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private interface ChannelWork<T> {
        T apply(Channel channel) throws IOException;
    }

    private static <T> T withChannel(RabbitInfo rabbit, ChannelWork<T> work) {
        try (Connection connection = rabbit.connectionFactory().newConnection();
             Channel channel = connection.createChannel()) {
            return work.apply(channel);
        }
        catch (IOException | TimeoutException ex) {
            throw new IllegalStateException("RabbitMQ: " + ex.getMessage(), ex);
        }
    }

    private static void declare(RabbitInfo rabbit) {
        withChannel(rabbit, channel -> {
            channel.exchangeDeclare(EXCHANGE, "topic", true);
            channel.queueDeclare(QUEUE, true, false, false, Map.of("x-queue-type", "classic"));
            return channel.queueBind(QUEUE, EXCHANGE, "#");
        });
    }

    private static void purge(RabbitInfo rabbit) {
        withChannel(rabbit, channel -> channel.queuePurge(QUEUE));
    }

    private static long queued(RabbitInfo rabbit) {
        return withChannel(rabbit, channel -> (long) channel.queueDeclarePassive(QUEUE).getMessageCount());
    }
}
