package com.brandcluster.gateway.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.brandcluster.testsupport.MongoExtension;
import com.brandcluster.testsupport.OffsetClock;
import com.mongodb.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BrowserSessions} against MongoDB ({@link MongoExtension}): requests of one browser that overlap keep each
 * other's changes, ended sessions stay ended, a new id moves the session. Each "request" is a copy of the session read
 * from the store, as Spring Session's {@code WebSessionManager} gives every request its own.
 */
@ExtendWith(MongoExtension.class)
class BrowserSessionsIT {

    static final String AUTHORIZATION_REQUEST = "org.springframework.security.oauth2.client.web.server."
            + "WebSessionOAuth2ServerAuthorizationRequestRepository.AUTHORIZATION_REQUEST";
    static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

    static MongoClient client;

    final OffsetClock clock = new OffsetClock();
    BrowserSessions sessions;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MongoExtension.uri());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void setUp() {
        MongoExtension.clean();
        sessions = new BrowserSessions(new ReactiveMongoTemplate(client, MongoExtension.databaseName()),
                new BrowserSessionProperties.Session(Duration.ofMinutes(30), "sessions", Duration.ofMinutes(5)),
                clock);
    }

    @Test
    void keepsTheChangesOfOverlappingRequestsOfOneBrowser() {
        String id = stored("ui-language", "en");
        BrowserSession backgroundRequest = read(id);
        BrowserSession login = read(id);

        login.setAttribute(AUTHORIZATION_REQUEST, "state-1");
        save(login);
        backgroundRequest.setAttribute("notifications-seen", 3);
        save(backgroundRequest);

        BrowserSession next = read(id);
        assertThat(next.<String>getAttribute(AUTHORIZATION_REQUEST)).isEqualTo("state-1");
        assertThat(next.<Integer>getAttribute("notifications-seen")).isEqualTo(3);
        assertThat(next.<String>getAttribute("ui-language")).isEqualTo("en");
    }

    @Test
    void aSlowerRequestThatChangedNothingWritesNothingBack() {
        String id = stored(AUTHORIZATION_REQUEST, "state-1");
        BrowserSession backgroundRequest = read(id);
        BrowserSession callback = read(id);

        callback.removeAttribute(AUTHORIZATION_REQUEST);
        callback.setAttribute(AUTHORIZATION_REQUEST + ".next", "state-2");
        save(callback);
        save(backgroundRequest);

        BrowserSession next = read(id);
        assertThat(next.getAttributeNames()).containsExactly(AUTHORIZATION_REQUEST + ".next");
    }

    @Test
    void aSessionEndedWhileOneOfItsRequestsRanStaysEnded() {
        String id = stored(SECURITY_CONTEXT, securityContext("opal"));
        BrowserSession slowRequest = read(id);

        sessions.deleteById(id).block();
        slowRequest.setAttribute("notifications-seen", 1);
        save(slowRequest);

        assertThat(sessions.findById(id).blockOptional()).isEmpty();
        assertThat(collection().countDocuments()).isZero();
    }

    @Test
    void aNewIdMovesTheSessionWithTheChangesOfOtherRequestsAndEndsTheOldId() {
        String id = stored(AUTHORIZATION_REQUEST, "state-1");
        BrowserSession backgroundRequest = read(id);
        BrowserSession callback = read(id);
        backgroundRequest.setAttribute("ui-language", "zh-CN");
        save(backgroundRequest);

        callback.removeAttribute(AUTHORIZATION_REQUEST);
        callback.setAttribute(SECURITY_CONTEXT, securityContext("opal"));
        String newId = callback.changeSessionId();
        save(callback);

        assertThat(newId).isNotEqualTo(id).hasSize(43);
        assertThat(sessions.findById(id).blockOptional()).isEmpty();
        BrowserSession moved = read(newId);
        assertThat(moved.getAttributeNames()).containsExactlyInAnyOrder(SECURITY_CONTEXT, "ui-language");
        assertThat(moved.<SecurityContext>getAttribute(SECURITY_CONTEXT).getAuthentication().getName())
                .isEqualTo("opal");
        assertThat(moved.getCreationTime()).isEqualTo(backgroundRequest.getCreationTime());

        backgroundRequest.setAttribute("ui-language", "en");
        save(backgroundRequest);
        assertThat(sessions.findById(id).blockOptional()).as("the old id is not brought back").isEmpty();
        assertThat(collection().countDocuments()).isOne();
    }

    @Test
    void accessAndExpiryTimesNeverGoBackwards() {
        String id = stored("ui-language", "en");
        BrowserSession earlier = read(id);
        BrowserSession later = read(id);
        Instant now = clock.instant();
        later.setLastAccessedTime(now.plusSeconds(60));
        save(later);
        earlier.setLastAccessedTime(now.plusSeconds(10));
        save(earlier);

        Document stored = collection().find().first();
        assertThat(stored.getDate(BrowserSessions.LAST_ACCESSED_AT).toInstant())
                .isEqualTo(now.plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(stored.getDate(BrowserSessions.EXPIRE_AT).toInstant())
                .isEqualTo(now.plusSeconds(60).plus(Duration.ofMinutes(30))
                        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void anEndedSessionIsNotFound() {
        String id = stored("ui-language", "en");

        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.findById(id).blockOptional()).isPresent();
        clock.advance(Duration.ofMinutes(2));
        assertThat(sessions.findById(id).blockOptional()).isEmpty();
    }

    @Test
    void storesAttributeNamesWithDotsDollarsAndPercentSigns() {
        List<String> names = List.of("a.b.c", "$where", "100%", "%2E.%25$", "plain");
        BrowserSession session = sessions.createSession().block();
        names.forEach(name -> session.setAttribute(name, name + "-value"));
        save(session);

        BrowserSession read = read(session.getId());
        assertThat(read.getAttributeNames()).containsExactlyInAnyOrderElementsOf(names);
        names.forEach(name -> assertThat(read.<String>getAttribute(name)).isEqualTo(name + "-value"));
        assertThat(collection().find().first().get(BrowserSessions.ATTRIBUTES, Document.class).keySet())
                .allSatisfy(field -> assertThat(field).doesNotContain(".").doesNotStartWith("$"));
    }

    @Test
    void treatsSessionsThatNoLongerReadAsEnded() {
        Date inAnHour = Date.from(clock.instant().plusSeconds(3600));
        collection().insertOne(new Document("_id", "older-format").append("attr", new Binary(new byte[] { 1, 2 }))
                .append(BrowserSessions.EXPIRE_AT, inAnHour));
        collection().insertOne(new Document("_id", "unreadable")
                .append(BrowserSessions.CREATED_AT, new Date())
                .append(BrowserSessions.LAST_ACCESSED_AT, new Date())
                .append(BrowserSessions.MAX_INACTIVE_SECONDS, 1800L)
                .append(BrowserSessions.EXPIRE_AT, inAnHour)
                .append(BrowserSessions.ATTRIBUTES, new Document("x", new Binary(new byte[] { 0, 1, 2, 3 }))));

        assertThat(sessions.findById("older-format").blockOptional()).isEmpty();
        assertThat(sessions.findById("unreadable").blockOptional()).isEmpty();
    }

    private String stored(String name, Object value) {
        BrowserSession session = sessions.createSession().block();
        session.setAttribute(name, value);
        save(session);
        return session.getId();
    }

    private BrowserSession read(String id) {
        return sessions.findById(id).blockOptional().orElseThrow(() -> new AssertionError("no session " + id));
    }

    private void save(BrowserSession session) {
        sessions.save(session).block();
    }

    private static SecurityContext securityContext(String user) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_enterprise"))));
    }

    private static MongoCollection<Document> collection() {
        return MongoExtension.database().getCollection("sessions");
    }
}
