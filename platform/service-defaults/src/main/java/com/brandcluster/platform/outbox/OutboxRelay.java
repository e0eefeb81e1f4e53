package com.brandcluster.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the pending {@link OutboxEntry outbox entries} of every {@link OutboxCarrier} collection, with publisher
 * confirms and {@code mandatory}, and marks each one {@code sentAt} once the broker confirmed it without returning
 * it. A message the broker returns (unroutable), nacks or does not confirm in time stays pending and is retried
 * later, so after a crash or a broker outage pending events go out when the broker is back. Delivery is therefore
 * at-least-once: consumers are idempotent. A round publishes on one channel, so the events of one aggregate reach
 * each queue in the order they were written (an entry the broker refuses stays behind and comes later).
 *
 * <p>It is woken after every save of a carrier (Spring Data's {@code AfterSaveEvent}) and also polls. Each entry is
 * published under the trace context stored with it, so the trace continues from the request that caused the event
 * into its consumers. Sent entries older than the retention are pruned ({@code $pull}).
 *
 * <p>Operations (all on the raw documents, so any {@code _id} type works), on MongoDB and on mongo-java-server:
 * <ul>
 * <li>find pending: {@code {outbox: {$elemMatch: {sentAt: null}}}} (an entry without {@code sentAt});</li>
 * <li>mark sent: {@code {_id, "outbox.eventId": eventId}} -> {@code $set outbox.$.sentAt} (positional);</li>
 * <li>prune: {@code $pull: {outbox: {sentAt: {$lt: cutoff}}}}.</li>
 * </ul>
 * These writes do not change the aggregate's {@code @Version}, so an application save racing with the relay can put an
 * entry it had loaded back to pending (the save replaces the whole document). That is why every confirmed event id is
 * also recorded in {@value #SENT_COLLECTION} (unique by id) before its entry is marked: an entry whose id is recorded
 * there is marked sent again and never published twice. A crash between the broker's confirm and that record still
 * publishes once more, which the idempotent consumers absorb (at-least-once).
 */
public final class OutboxRelay implements SmartLifecycle {

    /** After the messaging start-up (topology and policies) and before the listener containers. */
    static final int PHASE = Integer.MAX_VALUE - 500;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_BACKOFF_ENTRIES = 10_000;
    /** Every event id the broker confirmed, with when: the relay's memory of what it has sent. */
    static final String SENT_COLLECTION = "outbox_sent";

    private final MongoOperations mongo;
    private final RabbitTemplate rabbit;
    private final OutboxProperties properties;
    private final @Nullable Tracer tracer;
    private final Clock clock;
    private final RelayLeases leases;
    private final Set<String> collections = new CopyOnWriteArraySet<>();
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<Object, Backoff>> backoffs = new ConcurrentHashMap<>();
    private final ReentrantLock relaying = new ReentrantLock();
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final @Nullable MeterRegistry meters;
    private volatile boolean paused;
    private volatile boolean running;
    private volatile boolean brokerDown;
    private volatile boolean roundsFailing;
    private volatile Instant nextPrune = Instant.MIN;
    private @Nullable ScheduledExecutorService scheduler;

    private record Backoff(Instant nextAttempt, Duration delay) {
    }

    private record InFlight(String collection, Object documentId, OutboxEntryRef entry, CorrelationData correlation) {
    }

    /** An entry as read from the raw document: the stored {@code eventId} value is reused as is in the filter. */
    private record OutboxEntryRef(Object rawEventId, String eventId, String exchange, String routingKey,
                                  String payload, @Nullable Date occurredAt, @Nullable String traceparent,
                                  int occurrences) {
    }

    public OutboxRelay(MongoOperations mongo, RabbitTemplate rabbit, OutboxProperties properties,
                       Set<String> carrierCollections, @Nullable Tracer tracer, @Nullable MeterRegistry meters,
                       Clock clock) {
        this.mongo = mongo;
        this.rabbit = rabbit;
        this.properties = properties;
        this.tracer = tracer;
        this.meters = meters;
        this.clock = clock;
        this.leases = new RelayLeases(mongo, clock, properties.lease());
        this.collections.addAll(carrierCollections);
        this.paused = !properties.enabled();
    }

    // --- lifecycle and control -------------------------------------------------------------------------------------

    @Override
    public void start() {
        collections.forEach(this::ensureIndex);
        try {
            mongo.indexOps(SENT_COLLECTION).createIndex(new Index().on("sentAt", Sort.Direction.ASC).named("sentAt"));
        }
        catch (RuntimeException ex) {
            log.warn("Could not create the index of {}: {}", SENT_COLLECTION, ex.getMessage());
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        scheduler = executor;
        running = true;
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
        log.info("Outbox relay {} for collections {}", paused ? "started paused" : "started", collections);
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService executor = scheduler;
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(properties.confirmTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                executor.shutdownNow();
            }
        }
        // Lets another instance take over at once; bounded, because MongoDB may already be gone at shutdown (the
        // lease then simply expires).
        CompletableFuture.runAsync(this::releaseLeasesQuietly)
                .completeOnTimeout(null, 2, TimeUnit.SECONDS)
                .join();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * Stops publishing; returns once a round in progress has finished, so nothing is published after it returns
     * (until {@link #resume()}). Entries keep being written with their aggregates.
     */
    public void pause() {
        paused = true;
        relaying.lock();
        try {
            releaseLeasesQuietly();
        }
        finally {
            relaying.unlock();
        }
        log.info("Outbox relay paused");
    }

    /** Resumes publishing at once. */
    public void resume() {
        paused = false;
        log.info("Outbox relay resumed");
        wakeUp();
    }

    public boolean isPaused() {
        return paused;
    }

    /** Collections the relay watches: every {@code @Document} type that implements {@link OutboxCarrier}. */
    public Set<String> collections() {
        return Set.copyOf(collections);
    }

    /** Asks for a round soon, on the relay's thread (after a save). */
    public void wakeUp() {
        ScheduledExecutorService executor = scheduler;
        if (running && !paused && executor != null && wakeUpPending.compareAndSet(false, true)) {
            try {
                executor.execute(this::tick);
            }
            catch (RuntimeException rejected) {
                wakeUpPending.set(false);
            }
        }
    }

    void wakeUp(String collection) {
        if (collections.add(collection)) {
            ensureIndex(collection);
        }
        wakeUp();
    }

    /**
     * Runs one round now, on the calling thread, even while paused (for operations and tests).
     *
     * @return how many entries were published and confirmed
     */
    public int relayNow() {
        relaying.lock();
        try {
            return relayPending(true);
        }
        finally {
            relaying.unlock();
        }
    }

    /**
     * Removes sent entries older than the retention from every carrier collection.
     *
     * @return how many documents were changed
     */
    public long pruneNow() {
        Date cutoff = Date.from(clock.instant().minus(properties.retention()));
        long changed = 0;
        for (String collection : collections) {
            Query withOldSentEntries = Query.query(Criteria.where(OutboxCarrier.FIELD)
                    .elemMatch(Criteria.where("sentAt").lt(cutoff)));
            Update pull = new Update().pull(OutboxCarrier.FIELD, new Document("sentAt", new Document("$lt", cutoff)));
            changed += mongo.updateMulti(withOldSentEntries, pull, collection).getModifiedCount();
        }
        mongo.remove(Query.query(Criteria.where("sentAt").lt(cutoff)), SENT_COLLECTION);
        if (changed > 0) {
            log.debug("Pruned sent outbox entries sent before {} from {} documents", cutoff.toInstant(), changed);
        }
        return changed;
    }

    /** How many documents have at least one pending entry, over all carrier collections. */
    public long pendingDocuments() {
        long pending = 0;
        for (String collection : collections) {
            pending += mongo.count(pendingQuery(), collection);
        }
        return pending;
    }

    // --- the rounds --------------------------------------------------------------------------------------------------

    private void tick() {
        wakeUpPending.set(false);
        if (!running || paused) {
            return;
        }
        if (!relaying.tryLock()) {
            return; // a round is in progress (relayNow); the next poll comes soon
        }
        boolean more = false;
        try {
            if (paused) {
                return;
            }
            more = relayPending(false) >= properties.batchSize();
            Instant now = clock.instant();
            if (!now.isBefore(nextPrune)) {
                nextPrune = now.plus(properties.pruneInterval());
                pruneNow();
            }
        }
        catch (RuntimeException ex) {
            if (!roundsFailing) {
                roundsFailing = true;
                log.warn("Outbox relay round failed ({}); retrying at every poll", ex.toString(), ex);
            }
            else {
                log.debug("Outbox relay round failed again", ex);
            }
            return;
        }
        finally {
            relaying.unlock();
        }
        if (roundsFailing) {
            roundsFailing = false;
            log.info("Outbox relay rounds succeed again");
        }
        if (more) {
            wakeUp();
        }
    }

    /** One round over every collection; returns how many entries were confirmed. */
    private int relayPending(boolean ignoreBackoff) {
        int confirmed = 0;
        for (String collection : collections) {
            if (!leases.acquire(collection)) {
                continue;
            }
            RoundResult result = relayBatch(collection, ignoreBackoff);
            confirmed += result.confirmed();
            if (result.brokerUnavailable()) {
                break;
            }
        }
        return confirmed;
    }

    private record RoundResult(int confirmed, boolean brokerUnavailable) {
    }

    private RoundResult relayBatch(String collection, boolean ignoreBackoff) {
        Instant now = clock.instant();
        List<Object> backedOff = new ArrayList<>();
        if (!ignoreBackoff) {
            backoffsOf(collection).forEach((documentId, backoff) -> {
                if (backoff.nextAttempt().isAfter(now)) {
                    backedOff.add(documentId);
                }
            });
        }
        Query query = pendingQuery().with(Sort.by("_id")).limit(properties.batchSize());
        if (!backedOff.isEmpty()) {
            query.addCriteria(Criteria.where("_id").nin(backedOff));
        }
        query.fields().include(OutboxCarrier.FIELD);
        List<Document> documents = mongo.find(query, Document.class, collection);
        if (documents.isEmpty()) {
            return new RoundResult(0, false);
        }
        Map<String, Date> alreadySent = sentAt(documents);
        List<InFlight> inFlight = new ArrayList<>();
        try {
            // One channel for the whole round: RabbitMQ keeps the order of what one channel publishes, so the events
            // of one aggregate reach each queue in the order they were written. (The template would otherwise borrow
            // a new channel for each send while the previous one still awaits its confirm.)
            return rabbit.invoke(operations -> publishAndSettle(operations, collection, documents, alreadySent,
                    inFlight));
        }
        catch (AmqpException ex) {
            // no channel for the round: nothing was published
            brokerUnavailable(ex, collection);
            return new RoundResult(settle(inFlight), true);
        }
    }

    private RoundResult publishAndSettle(RabbitOperations operations, String collection, List<Document> documents,
                                         Map<String, Date> alreadySent, List<InFlight> inFlight) {
        try {
            for (Document document : documents) {
                Object id = document.get("_id");
                for (OutboxEntryRef entry : pendingEntries(document)) {
                    Date sentBefore = alreadySent.get(entry.eventId());
                    if (sentBefore != null) {
                        // put back to pending by an application save that raced the relay: sent already
                        markSent(new InFlight(collection, id, entry, null), sentBefore.toInstant());
                        continue;
                    }
                    if (entry.exchange() == null || entry.routingKey() == null || entry.payload() == null) {
                        refused(collection, id, entry, "incomplete (no exchange, routing key or payload)");
                        continue;
                    }
                    inFlight.add(new InFlight(collection, id, entry, publish(operations, entry)));
                }
            }
        }
        catch (AmqpException ex) {
            brokerUnavailable(ex, collection);
            // what was sent before the failure may still be confirmed: settle it before the channel closes
            return new RoundResult(settle(inFlight), true);
        }
        int confirmed = settle(inFlight);
        boolean unavailable = inFlight.stream().anyMatch(flight -> !flight.correlation().getFuture().isDone());
        if (!unavailable && brokerDown && confirmed > 0) {
            brokerDown = false;
            log.info("RabbitMQ accepts outbox events again");
        }
        return new RoundResult(confirmed, unavailable);
    }

    private CorrelationData publish(RabbitOperations operations, OutboxEntryRef entry) {
        MessageProperties messageProperties = new MessageProperties();
        messageProperties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        messageProperties.setContentEncoding(StandardCharsets.UTF_8.name());
        messageProperties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        messageProperties.setMessageId(entry.eventId());
        messageProperties.setType(entry.routingKey());
        if (entry.occurredAt() != null) {
            messageProperties.setTimestamp(entry.occurredAt());
        }
        Message message = new Message(entry.payload().getBytes(StandardCharsets.UTF_8), messageProperties);
        CorrelationData correlation = new CorrelationData(UUID.randomUUID().toString());
        TraceContext parent = tracer == null ? null : TraceContexts.parse(tracer, entry.traceparent());
        if (parent == null) {
            operations.send(entry.exchange(), entry.routingKey(), message, correlation);
            return correlation;
        }
        Span span = tracer.spanBuilder().setParent(parent).name("outbox relay")
                .tag("messaging.destination.name", entry.exchange())
                .tag("messaging.rabbitmq.destination.routing_key", entry.routingKey()).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            operations.send(entry.exchange(), entry.routingKey(), message, correlation);
            return correlation;
        }
        catch (AmqpException ex) {
            span.error(ex);
            throw ex;
        }
        finally {
            span.end();
        }
    }

    /** Waits for the confirms of a batch and marks the confirmed entries sent; returns how many. */
    private int settle(List<InFlight> inFlight) {
        if (inFlight.isEmpty()) {
            return 0;
        }
        CompletableFuture<?>[] futures = inFlight.stream().map(flight -> flight.correlation().getFuture())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(futures).get(properties.confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            log.warn("RabbitMQ did not confirm {} outbox events within {}; they stay pending", inFlight.stream()
                    .filter(flight -> !flight.correlation().getFuture().isDone()).count(), properties.confirmTimeout());
            brokerDown = true;
        }
        catch (ExecutionException ex) {
            log.debug("A confirm future failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        Instant sentAt = clock.instant();
        int confirmed = 0;
        for (InFlight flight : inFlight) {
            CompletableFuture<CorrelationData.Confirm> future = flight.correlation().getFuture();
            if (!future.isDone() || future.isCompletedExceptionally()) {
                continue;
            }
            CorrelationData.Confirm confirm = future.join();
            ReturnedMessage returned = flight.correlation().getReturned();
            if (confirm.ack() && returned == null) {
                try {
                    recordSent(flight, sentAt);
                    markSent(flight, sentAt);
                    confirmed++;
                }
                catch (DataAccessException ex) {
                    log.warn("Outbox event {} was published but could not be marked sent ({}); it will be "
                            + "published again", flight.entry().eventId(), ex.getMessage());
                }
            }
            else {
                refused(flight.collection(), flight.documentId(), flight.entry(), returned != null
                        ? "returned as unroutable (" + returned.getReplyText() + ")"
                        : "nacked (" + confirm.reason() + ")");
            }
        }
        count("brandcluster.outbox.published", inFlight.isEmpty() ? null : inFlight.get(0).collection(), confirmed);
        return confirmed;
    }

    /** The ids among the documents' pending entries that were sent already, with when. */
    private Map<String, Date> sentAt(List<Document> documents) {
        List<String> ids = documents.stream().flatMap(document -> pendingEntries(document).stream())
                .map(OutboxEntryRef::eventId).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Date> sent = new LinkedHashMap<>();
        for (Document record : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, SENT_COLLECTION)) {
            sent.put(String.valueOf(record.get("_id")), record.getDate("sentAt"));
        }
        return sent;
    }

    private void recordSent(InFlight flight, Instant sentAt) {
        try {
            mongo.insert(new Document("_id", flight.entry().eventId()).append("collection", flight.collection())
                    .append("sentAt", Date.from(sentAt)), SENT_COLLECTION);
        }
        catch (org.springframework.dao.DuplicateKeyException alreadyRecorded) {
            // published again after a crash between confirm and record: the first record stands
        }
    }

    private void markSent(InFlight flight, Instant sentAt) {
        Object eventId = flight.entry().rawEventId();
        Query withEntry = Query.query(Criteria.where("_id").is(flight.documentId())
                .and(OutboxCarrier.FIELD + ".eventId").is(eventId));
        mongo.updateFirst(withEntry, new Update().set(OutboxCarrier.FIELD + ".$.sentAt", Date.from(sentAt)),
                flight.collection());
        if (flight.entry().occurrences() > 1) {
            // "$" is the first entry with this id; further pending copies of the same event are dropped
            mongo.updateFirst(withEntry, new Update().pull(OutboxCarrier.FIELD,
                    new Document("eventId", eventId).append("sentAt", null)), flight.collection());
        }
        backoffsOf(flight.collection()).remove(flight.documentId());
    }

    private void refused(String collection, Object documentId, OutboxEntryRef entry, String why) {
        Map<Object, Backoff> collectionBackoffs = backoffsOf(collection);
        Backoff previous = collectionBackoffs.get(documentId);
        Duration delay = previous == null ? properties.pollInterval()
                : min(previous.delay().multipliedBy(2), properties.maxBackoff());
        if (previous != null || collectionBackoffs.size() < MAX_BACKOFF_ENTRIES) {
            collectionBackoffs.put(documentId, new Backoff(clock.instant().plus(delay), delay));
        }
        if (previous == null || delay.equals(properties.maxBackoff())) {
            log.warn("Outbox event {} ({} to {}) was {}; it stays pending, next attempt in {}", entry.eventId(),
                    entry.routingKey(), entry.exchange(), why, delay);
        }
        count("brandcluster.outbox.refused", collection, 1);
    }

    private void brokerUnavailable(AmqpException ex, String collection) {
        count("brandcluster.outbox.unavailable", collection, 1);
        if (!brokerDown) {
            brokerDown = true;
            log.warn("RabbitMQ is unavailable for outbox events ({}); they stay pending and are retried every {}",
                    ex.getMessage(), properties.pollInterval());
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private static Query pendingQuery() {
        return Query.query(Criteria.where(OutboxCarrier.FIELD).elemMatch(Criteria.where("sentAt").is(null)));
    }

    private static List<OutboxEntryRef> pendingEntries(Document document) {
        Object outbox = document.get(OutboxCarrier.FIELD);
        if (!(outbox instanceof List<?> entries)) {
            return List.of();
        }
        // the same event twice in one outbox (an application bug) is published once, and its copies are dropped
        Map<Object, Integer> occurrences = new LinkedHashMap<>();
        for (Object candidate : entries) {
            if (candidate instanceof Document entry && entry.get("eventId") != null) {
                occurrences.merge(entry.get("eventId"), 1, Integer::sum);
            }
        }
        Map<Object, OutboxEntryRef> pending = new LinkedHashMap<>();
        for (Object candidate : entries) {
            if (candidate instanceof Document entry && entry.get("sentAt") == null && entry.get("eventId") != null) {
                pending.merge(entry.get("eventId"), new OutboxEntryRef(entry.get("eventId"),
                        String.valueOf(entry.get("eventId")), entry.getString("exchange"),
                        entry.getString("routingKey"), entry.getString("payload"),
                        entry.get("occurredAt") instanceof Date date ? date : null, entry.getString("traceparent"),
                        occurrences.get(entry.get("eventId"))), (first, again) -> first);
            }
        }
        return List.copyOf(pending.values());
    }

    private void ensureIndex(String collection) {
        if (!indexed.add(collection)) {
            return;
        }
        try {
            mongo.indexOps(collection).createIndex(new Index().on(OutboxCarrier.FIELD + ".sentAt", Sort.Direction.ASC)
                    .named("outbox_sentAt"));
        }
        catch (RuntimeException ex) {
            indexed.remove(collection);
            log.warn("Could not create the outbox index of collection {}: {}", collection, ex.getMessage());
        }
    }

    private void releaseLeasesQuietly() {
        try {
            leases.releaseAll();
        }
        catch (RuntimeException ex) {
            log.debug("Could not release the outbox relay leases", ex);
        }
    }

    private void count(String name, @Nullable String collection, int amount) {
        if (meters != null && collection != null && amount > 0) {
            Counter.builder(name).tag("collection", collection).register(meters).increment(amount);
        }
    }

    private Map<Object, Backoff> backoffsOf(String collection) {
        return backoffs.computeIfAbsent(collection, ignored -> new ConcurrentHashMap<>());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
