package com.brandcluster.platform.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.LongString;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.AmqpResourceNotAvailableException;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

/**
 * The dead-letter queues of this service's consumer queues, for operators ({@link DeadLettersEndpoint}): count,
 * inspect, replay and discard their messages. Works over AMQP on channels of its own, never through the management
 * HTTP API:
 * <ul>
 * <li><b>inspect</b> takes up to {@code limit} messages with {@code basic.get} without acknowledging them and closes
 * its channel, which returns them to the head of the DLQ, in their order: nothing is lost or consumed. It answers
 * once they are back (the broker returns them a moment after the close), so the next operation sees them. (A quorum
 * queue counts such a return as a delivery in {@code x-delivery-count}; the DLQs have no delivery limit, so it only
 * shows.) Two operators inspecting at the same moment each see part of the messages.</li>
 * <li><b>replay</b> publishes each selected message, with its properties and headers (including {@code x-death}),
 * to the default exchange with the consumer queue's name as routing key, so that it reaches that queue only (not
 * the other subscribers of its exchange); the consumer recognises its event type by the {@code type} property (the
 * original routing key, added if missing) or by {@code x-death}. The copy in the DLQ is acknowledged (removed) only
 * after the broker confirmed the republished one, so a failure in between replays it twice at worst:
 * at-least-once, which the idempotent consumers absorb. Replayed messages queue behind what the consumer queue
 * holds, in the order they had in the DLQ. A message that fails again is dead-lettered again (its {@code x-death}
 * count grows).</li>
 * <li><b>discard</b> acknowledges the selected messages: they are gone.</li>
 * </ul>
 * "All" means the messages in the DLQ when the call starts; a message with a given event id is looked for among
 * the first {@value #SCAN_LIMIT}. Within one call an event id is replayed once, even if its copy comes back to the
 * DLQ before the call ends.
 */
public final class DeadLetters {

    /** At most this many characters of a payload are shown. */
    public static final int PREVIEW_CHARS = 2_000;

    /** At most this many messages are shown by one inspection. */
    public static final int MAX_SHOWN = 100;

    /** A message with a given event id is looked for among this many messages of a DLQ. */
    public static final int SCAN_LIMIT = 10_000;

    /** Header a replayed message carries: when it was replayed. */
    public static final String REPLAYED_AT_HEADER = "x-replayed-at";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETURN_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETURN_POLL = Duration.ofMillis(10);

    private final MessagingTopology topology;
    private final ConnectionFactory connectionFactory;
    private final JsonMapper mapper;

    public DeadLetters(MessagingTopology topology, ConnectionFactory connectionFactory, JsonMapper eventJsonMapper) {
        this.topology = topology;
        this.connectionFactory = connectionFactory;
        this.mapper = eventJsonMapper;
    }

    /**
     * One consumer queue and its DLQ.
     *
     * @param messages how many messages the DLQ holds; null when it does not exist (not declared yet)
     */
    public record QueueCount(String queue, String deadLetterQueue, @Nullable Long messages) {
    }

    /**
     * A dead-lettered message as operators see it.
     *
     * @param eventId          the message id (the outbox sets the event id) or else the payload's {@code eventId}
     * @param routingKey       the routing key it was first published with
     * @param exchange         the exchange it was first published to
     * @param reason           why it was dead-lettered from the consumer queue: {@code rejected} (it could not be
     *                         read: malformed, no event id, unknown routing key) or {@code delivery_limit} (its
     *                         listener kept failing)
     * @param deadLettered     how many times it was dead-lettered from the consumer queue
     * @param deadLetteredAt   when it was last dead-lettered from it
     * @param headers          every header, {@code x-death} included
     * @param payloadBytes     the size of the payload
     * @param payload          the payload as UTF-8 text, at most {@value #PREVIEW_CHARS} characters
     * @param payloadTruncated whether {@code payload} is cut short
     */
    public record DeadLetter(@Nullable String eventId, @Nullable String routingKey, @Nullable String exchange,
                             @Nullable String reason, @Nullable Long deadLettered, @Nullable Instant deadLetteredAt,
                             @Nullable String contentType, @Nullable String type,
                             @Nullable Instant timestamp, Map<String, Object> headers, int payloadBytes,
                             String payload, boolean payloadTruncated) {
    }

    /** What one inspection shows: how many messages the DLQ holds and the first of them. */
    public record Inspection(String queue, String deadLetterQueue, long messages, List<DeadLetter> shown) {
    }

    /** The consumer queues of this service. */
    public List<String> queues() {
        return List.copyOf(topology.queues().values());
    }

    /** Whether {@code queue} is one of this service's consumer queues. */
    public boolean isConsumerQueue(String queue) {
        return topology.queues().containsValue(queue);
    }

    /** Every consumer queue with the message count of its DLQ. */
    public List<QueueCount> counts() {
        List<QueueCount> counts = new ArrayList<>();
        for (String queue : queues()) {
            String dlq = MessagingTopology.deadLetterQueueName(queue);
            counts.add(new QueueCount(queue, dlq, withChannel(channel -> countOrNull(channel, dlq))));
        }
        return counts;
    }

    /** The first {@code limit} messages of the DLQ of {@code queue}, left in place. */
    public Inspection inspect(String queue, int limit) {
        String dlq = deadLetterQueueOf(queue);
        Inspection inspection = withChannel(channel -> {
            long messages = channel.queueDeclarePassive(dlq).getMessageCount();
            List<DeadLetter> shown = new ArrayList<>();
            GetResponse response;
            while (shown.size() < Math.min(limit, MAX_SHOWN) && (response = channel.basicGet(dlq, false)) != null) {
                shown.add(describe(queue, response));
            }
            return new Inspection(queue, dlq, messages, shown);
        });
        awaitReturned(dlq, inspection.messages());
        return inspection;
    }

    /**
     * Moves messages of the DLQ of {@code queue} back to {@code queue}: those with {@code eventId}, or all when it is
     * null.
     *
     * @return how many were replayed
     * @throws ReplayFailedException when the broker did not take a republished message (the DLQ keeps it)
     */
    public int replay(String queue, @Nullable String eventId) {
        String dlq = deadLetterQueueOf(queue);
        long[] before = new long[1];
        int result = withChannel(source -> withChannel(target -> {
            AtomicBoolean returned = new AtomicBoolean();
            target.addReturnListener(ignored -> returned.set(true));
            target.confirmSelect();
            Set<String> replayedIds = new HashSet<>();
            int replayed = 0;
            before[0] = source.queueDeclarePassive(dlq).getMessageCount();
            long budget = budget(before[0], eventId);
            GetResponse response;
            while (budget-- > 0 && (response = source.basicGet(dlq, false)) != null) {
                String id = eventIdOf(response);
                if ((eventId != null && !eventId.equals(id)) || (id != null && replayedIds.contains(id))) {
                    continue; // left unacknowledged: back in the DLQ when the channel closes
                }
                target.basicPublish("", queue, true, replayProperties(queue, response), response.getBody());
                try {
                    target.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
                }
                catch (TimeoutException ex) {
                    throw new ReplayFailedException("RabbitMQ did not confirm the replayed message in time", ex);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new ReplayFailedException("Interrupted while waiting for RabbitMQ's confirm", ex);
                }
                if (returned.get()) {
                    throw new ReplayFailedException("RabbitMQ returned the replayed message: queue " + queue
                            + " does not exist", null);
                }
                source.basicAck(response.getEnvelope().getDeliveryTag(), false);
                if (id != null) {
                    replayedIds.add(id);
                }
                replayed++;
            }
            log.info("Replayed {} message(s) from {} to {}{}", replayed, dlq, queue,
                    eventId == null ? "" : " (event " + eventId + ")");
            return replayed;
        }));
        awaitReturned(dlq, before[0] - result);
        return result;
    }

    /**
     * Removes messages from the DLQ of {@code queue}: those with {@code eventId}, or all when it is null.
     *
     * @return how many were discarded
     */
    public int discard(String queue, @Nullable String eventId) {
        String dlq = deadLetterQueueOf(queue);
        long[] before = new long[1];
        int result = withChannel(channel -> {
            int discarded = 0;
            before[0] = channel.queueDeclarePassive(dlq).getMessageCount();
            long budget = budget(before[0], eventId);
            GetResponse response;
            while (budget-- > 0 && (response = channel.basicGet(dlq, false)) != null) {
                if (eventId == null || eventId.equals(eventIdOf(response))) {
                    channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
                    discarded++;
                }
            }
            log.info("Discarded {} message(s) from {}{}", discarded, dlq,
                    eventId == null ? "" : " (event " + eventId + ")");
            return discarded;
        });
        awaitReturned(dlq, before[0] - result);
        return result;
    }

    // --- reading messages --------------------------------------------------------------------------------------------

    private DeadLetter describe(String queue, GetResponse response) {
        AMQP.BasicProperties properties = response.getProps();
        Map<String, Object> headers = properties.getHeaders() == null ? Map.of() : properties.getHeaders();
        Map<String, Object> death = deathFrom(queue, headers);
        byte[] body = response.getBody() == null ? new byte[0] : response.getBody();
        String text = new String(body, StandardCharsets.UTF_8);
        boolean truncated = text.length() > PREVIEW_CHARS;
        return new DeadLetter(eventIdOf(response), originalRoutingKey(death, properties), text(death.get("exchange")),
                text(death.get("reason")), death.get("count") instanceof Number count ? count.longValue() : null,
                death.get("time") instanceof Date time ? time.toInstant() : null,
                properties.getContentType(),
                properties.getType(), properties.getTimestamp() == null ? null : properties.getTimestamp().toInstant(),
                plain(headers), body.length, truncated ? text.substring(0, PREVIEW_CHARS) : text, truncated);
    }

    private @Nullable String eventIdOf(GetResponse response) {
        String messageId = response.getProps().getMessageId();
        if (messageId != null && !messageId.isBlank()) {
            return messageId;
        }
        try {
            JsonNode eventId = mapper.readTree(response.getBody()).get("eventId");
            return eventId == null || !eventId.isString() ? null : eventId.asString();
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    /** The {@code x-death} entry of the consumer queue (RabbitMQ keeps one per queue and reason), else the latest. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> deathFrom(String queue, Map<String, Object> headers) {
        if (!(headers.get("x-death") instanceof List<?> deaths) || deaths.isEmpty()) {
            return Map.of();
        }
        for (Object death : deaths) {
            if (death instanceof Map<?, ?> entry && queue.equals(text(entry.get("queue")))) {
                return (Map<String, Object>) entry;
            }
        }
        return deaths.get(0) instanceof Map<?, ?> latest ? (Map<String, Object>) latest : Map.of();
    }

    private static @Nullable String originalRoutingKey(Map<String, Object> death, AMQP.BasicProperties properties) {
        if (death.get("routing-keys") instanceof List<?> keys && !keys.isEmpty()) {
            return text(keys.get(0));
        }
        return properties.getType();
    }

    private static AMQP.BasicProperties replayProperties(String queue, GetResponse response) {
        AMQP.BasicProperties properties = response.getProps();
        Map<String, Object> headers = new HashMap<>(properties.getHeaders() == null ? Map.of()
                : properties.getHeaders());
        // the quorum queue's count of this copy's deliveries; the consumer queue counts the replayed one afresh
        headers.remove("x-delivery-count");
        headers.put(REPLAYED_AT_HEADER, Date.from(Instant.now()));
        String type = properties.getType() != null ? properties.getType()
                : originalRoutingKey(deathFrom(queue, properties.getHeaders() == null ? Map.of()
                        : properties.getHeaders()), properties);
        return properties.builder().headers(headers).type(type).build();
    }

    /** Header values as JSON can show them (AMQP long strings as text, timestamps as instants). */
    private static Map<String, Object> plain(Map<String, Object> headers) {
        Map<String, Object> plain = new LinkedHashMap<>();
        headers.forEach((name, value) -> plain.put(name, plainValue(value)));
        return plain;
    }

    private static @Nullable Object plainValue(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case LongString text -> text.toString();
            case Date date -> date.toInstant();
            case byte[] bytes -> bytes.length + " bytes";
            case List<?> list -> list.stream().map(DeadLetters::plainValue).toList();
            case Map<?, ?> map -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                map.forEach((key, entry) -> entries.put(String.valueOf(key), plainValue(entry)));
                yield entries;
            }
            default -> value;
        };
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    // --- channels ----------------------------------------------------------------------------------------------------

    private String deadLetterQueueOf(String queue) {
        if (!isConsumerQueue(queue)) {
            throw new UnknownQueueException(queue);
        }
        return MessagingTopology.deadLetterQueueName(queue);
    }

    /** How many messages to look at: all that are there now, at most {@value #SCAN_LIMIT} to find one event. */
    private static long budget(long messages, @Nullable String eventId) {
        return eventId == null ? messages : Math.min(messages, SCAN_LIMIT);
    }

    /**
     * Waits (briefly) until the messages taken and not acknowledged are back in the DLQ: the queue takes them back
     * when it learns that the channel closed, a moment after the close, and the next operation must see them.
     * Gives up after {@link #RETURN_TIMEOUT} (another operator may have removed messages meanwhile).
     */
    private void awaitReturned(String dlq, long expected) {
        long deadline = System.nanoTime() + RETURN_TIMEOUT.toNanos();
        withChannel(channel -> {
            while (channel.queueDeclarePassive(dlq).getMessageCount() < expected && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(RETURN_POLL.toMillis());
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return null;
        });
    }

    private @Nullable Long countOrNull(Channel channel, String dlq) {
        try {
            return (long) channel.queueDeclarePassive(dlq).getMessageCount();
        }
        catch (IOException ex) {
            return null; // 404 NOT_FOUND closes the channel
        }
    }

    @FunctionalInterface
    private interface ChannelWork<T> {

        T doWith(Channel channel) throws IOException;
    }

    /**
     * Runs {@code work} on a channel of its own on the application's connection, then closes it: messages taken and
     * not acknowledged go back to their queue.
     */
    private <T> T withChannel(ChannelWork<T> work) {
        Channel channel;
        try {
            channel = connectionFactory.createConnection().getDelegate().createChannel();
        }
        catch (IOException ex) {
            throw new AmqpIOException(ex);
        }
        if (channel == null) {
            throw new AmqpResourceNotAvailableException("No channel available on the RabbitMQ connection");
        }
        try {
            return work.doWith(channel);
        }
        catch (IOException ex) {
            throw new AmqpIOException(ex);
        }
        finally {
            try {
                if (channel.isOpen()) {
                    channel.close();
                }
            }
            catch (IOException | TimeoutException | RuntimeException ex) {
                log.debug("Closing a dead-letter channel failed (its messages return to the queue anyway)", ex);
            }
        }
    }

    /** The queue is not one of this service's consumer queues. */
    public static final class UnknownQueueException extends AmqpException {

        UnknownQueueException(String queue) {
            super("No consumer queue " + queue);
        }
    }

    /** A replayed message was not taken by the broker; the DLQ keeps it. */
    public static final class ReplayFailedException extends AmqpException {

        ReplayFailedException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
