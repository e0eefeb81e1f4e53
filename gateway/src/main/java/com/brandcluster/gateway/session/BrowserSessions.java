package com.brandcluster.gateway.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.session.ReactiveSessionRepository;

/**
 * The browser sessions in MongoDB (collection {@code brandcluster.gateway.browser.session.collection}), one document
 * per session:
 * <pre>
 * { _id, createdAt, lastAccessedAt, maxInactiveSeconds, expireAt, attributes: { &lt;name&gt;: &lt;serialised value&gt; } }
 * </pre>
 * A save writes only what the request changed: {@code $set} / {@code $unset} of the attributes it set or removed,
 * {@code $max} of the access and expiry times, and never creates a document that is gone (a session ended by a
 * logout or by expiry while a slower request of it was running stays ended). Every request of a browser reads the
 * whole session and may run beside the browser's other requests on any gateway instance: writing the whole document
 * back, as Spring Session's MongoDB repository does, lets the last request to finish undo what the others changed
 * (a login's pending authorization request lost to the web UI's background requests ended the login at
 * {@code /?login=failed}).
 * <p>
 * A new id (session fixation protection after login) moves the document: the stored one is taken away atomically,
 * this request's changes are applied to it and it is inserted under the new id, so the old id is dead at once.
 * Values are serialised one by one with Java serialisation (Spring Security's context, authorization request and
 * authorized clients are {@code Serializable}); a session whose values no longer read (a new gateway version
 * changed a class) counts as ended, and the browser simply logs in again.
 */
final class BrowserSessions implements ReactiveSessionRepository<BrowserSession> {

    static final String CREATED_AT = "createdAt";
    static final String LAST_ACCESSED_AT = "lastAccessedAt";
    static final String MAX_INACTIVE_SECONDS = "maxInactiveSeconds";
    static final String EXPIRE_AT = ExpiredSessions.EXPIRE_AT;
    static final String ATTRIBUTES = "attributes";

    private static final Logger log = LoggerFactory.getLogger(BrowserSessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoOperations mongo;
    private final String collection;
    private final Duration maxInactiveInterval;
    private final Clock clock;
    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer;

    BrowserSessions(ReactiveMongoOperations mongo, BrowserSessionProperties.Session properties, Clock clock) {
        this.mongo = mongo;
        this.collection = properties.collection();
        this.maxInactiveInterval = properties.timeout();
        this.clock = clock;
        this.deserializer = new DeserializingConverter(BrowserSessions.class.getClassLoader());
    }

    /** 256 random bits, URL-safe. */
    static String newSessionId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Mono<BrowserSession> createSession() {
        return Mono.fromSupplier(() -> new BrowserSession(newSessionId(), maxInactiveInterval, clock));
    }

    @Override
    public Mono<Void> save(BrowserSession session) {
        Mono<?> write;
        if (!session.isStored()) {
            write = mongo.insert(document(session, serialised(session)), collection);
        }
        else if (!session.storedId().equals(session.getId())) {
            write = mongo.findAndRemove(byId(session.storedId()), Document.class, collection)
                    .map(stored -> stored.get(ATTRIBUTES, Document.class))
                    .defaultIfEmpty(serialised(session))
                    .flatMap(attributes -> mongo.insert(document(session, changed(session, attributes)),
                            collection));
        }
        else {
            write = mongo.updateFirst(byId(session.getId()), changes(session), collection);
        }
        return write.then(Mono.fromRunnable(session::saved));
    }

    @Override
    public Mono<BrowserSession> findById(String id) {
        return mongo.findOne(byId(id), Document.class, collection)
                .flatMap(document -> Mono.justOrEmpty(session(document)))
                .filter(session -> !session.isExpired());
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return mongo.remove(byId(id), collection).then();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private Document document(BrowserSession session, Document attributes) {
        return new Document("_id", session.getId())
                .append(CREATED_AT, Date.from(session.getCreationTime()))
                .append(LAST_ACCESSED_AT, Date.from(session.getLastAccessedTime()))
                .append(MAX_INACTIVE_SECONDS, session.getMaxInactiveInterval().toSeconds())
                .append(EXPIRE_AT, Date.from(session.expiresAt()))
                .append(ATTRIBUTES, attributes);
    }

    /** Every attribute of the session, serialised. */
    private Document serialised(BrowserSession session) {
        Document attributes = new Document();
        session.getAttributeNames().forEach(name -> attributes.put(fieldName(name),
                new Binary(serializer.convert(session.getAttribute(name)))));
        return attributes;
    }

    /** The stored attributes with this request's changes applied. */
    private Document changed(BrowserSession session, Document stored) {
        Document attributes = new Document(stored);
        for (String name : session.changedAttributes()) {
            Object value = session.getAttribute(name);
            if (value == null) {
                attributes.remove(fieldName(name));
            }
            else {
                attributes.put(fieldName(name), new Binary(serializer.convert(value)));
            }
        }
        return attributes;
    }

    /** This request's changes as an update of the stored document. */
    private Update changes(BrowserSession session) {
        Update update = new Update()
                .max(LAST_ACCESSED_AT, Date.from(session.getLastAccessedTime()))
                .max(EXPIRE_AT, Date.from(session.expiresAt()))
                .set(MAX_INACTIVE_SECONDS, session.getMaxInactiveInterval().toSeconds());
        for (String name : session.changedAttributes()) {
            Object value = session.getAttribute(name);
            String field = ATTRIBUTES + "." + fieldName(name);
            if (value == null) {
                update.unset(field);
            }
            else {
                update.set(field, new Binary(serializer.convert(value)));
            }
        }
        return update;
    }

    /** The stored session, or nothing when it was stored in another format or its values no longer read. */
    private Optional<BrowserSession> session(Document document) {
        Document stored = document.get(ATTRIBUTES, Document.class);
        Date createdAt = document.getDate(CREATED_AT);
        Date lastAccessedAt = document.getDate(LAST_ACCESSED_AT);
        Number maxInactiveSeconds = document.get(MAX_INACTIVE_SECONDS, Number.class);
        if (stored == null || createdAt == null || lastAccessedAt == null || maxInactiveSeconds == null) {
            log.debug("Ignoring a browser session stored in another format");
            return Optional.empty();
        }
        Map<String, Object> attributes = new HashMap<>();
        try {
            stored.forEach((field, value) -> attributes.put(attributeName(field),
                    deserializer.convert(((Binary) value).getData())));
        }
        catch (SerializationFailedException | ClassCastException ex) {
            log.info("Ignoring a browser session whose attributes no longer read: {}", ex.getClass().getSimpleName());
            return Optional.empty();
        }
        return Optional.of(new BrowserSession(document.getString("_id"), createdAt.toInstant(),
                lastAccessedAt.toInstant(), Duration.ofSeconds(maxInactiveSeconds.longValue()), attributes, true,
                clock));
    }

    /** Attribute names are class names with dots: MongoDB field names must not contain {@code .} or start with {@code $}. */
    static String fieldName(String attributeName) {
        return attributeName.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String attributeName(String fieldName) {
        StringBuilder name = new StringBuilder(fieldName.length());
        for (int i = 0; i < fieldName.length(); i++) {
            char c = fieldName.charAt(i);
            if (c == '%' && i + 2 < fieldName.length()) {
                name.append((char) Integer.parseInt(fieldName.substring(i + 1, i + 3), 16));
                i += 2;
            }
            else {
                name.append(c);
            }
        }
        return name.toString();
    }
}
