package com.brandcluster.notification.privacy;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.membership.PersonErased;
import com.brandcluster.notification.NotificationIntegrationTest;
import com.brandcluster.notification.inbox.Args;
import com.brandcluster.notification.inbox.Audience;
import com.brandcluster.notification.inbox.Category;
import com.brandcluster.notification.inbox.NotificationRequest;
import com.brandcluster.notification.inbox.Notifier;
import com.brandcluster.platform.messaging.ProcessedEvents;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The personal data export of notification-service and the erasure that {@code membership.person.erased.v1} brings:
 * the person's inbox and preferences go, their directory entry stays unlinked and anonymised, so nothing reaches them
 * any more while their colleagues are still notified.
 */
class NotificationPersonalDataIT extends NotificationIntegrationTest {

    private static final String EXPORT = "/api/notifications/me/personal-data";
    private static final String PREFERENCES = "/api/notifications/me/preferences";
    private static final String CONSUMER = "notification-service.privacy";

    @Autowired
    Notifier notifier;

    @Autowired
    ProcessedEvents processedEvents;

    private record Person(String userId, String email) {

        String token() {
            return TestTokens.user(userId).roles(Roles.ENTERPRISE).email(email).issue();
        }
    }

    private Person linked(String enterprise) throws IOException {
        String email = "user-" + UUID.randomUUID() + "@people.example";
        return new Person(linkedUser(enterprise, email, "zh-CN"), email);
    }

    private void notifyEnterprise(String enterprise) {
        notifier.notify(new NotificationRequest(UUID.randomUUID().toString(), new Audience.Enterprise(enterprise),
                Category.EVENTS, "events.registration.confirmed", Args.of("title", "Brand Home",
                "startsAt", Instant.parse("2026-04-01T06:00:00Z"), "attendees", 2), null, "/x", null, Instant.now()));
    }

    private void turnOffSalonMails(Person person) {
        ApiClient.Response changed = api.as(person.token()).put(PREFERENCES, Map.of("email", Map.of("SALONS", false)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private String erase(Person person, String eventId, String pseudonym) throws IOException {
        String json = EventFixtures.json(PersonErased.ROUTING_KEY, Map.of("eventId", eventId,
                "subject", person.userId(), "emails", List.of(person.email()), "pseudonym", pseudonym));
        publish(PersonErased.ROUTING_KEY, json);
        return json;
    }

    private void awaitApplied(String eventId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> processedEvents.isClaimed(CONSUMER, UUID.fromString(eventId)));
    }

    @Test
    void exportGivesTheCallersInboxPreferencesAndDirectoryEntryAndNothingOfAColleague() throws IOException {
        String enterprise = newId("ent");
        Person me = linked(enterprise);
        Person colleague = linked(enterprise);
        turnOffSalonMails(me);
        notifyEnterprise(enterprise);

        ApiClient.Response export = api.as(me.token()).get(EXPORT);

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        JsonNode records = export.json().get("records");
        assertThat(records.findValuesAsString("collection")).containsExactlyInAnyOrder("notifications",
                "email_preferences", "directory_enterprise_links");
        assertThat(records.toString()).contains(me.email()).doesNotContain(colleague.userId())
                .doesNotContain(colleague.email());
        ApiClient.Response anonymous = api.anonymous().get(EXPORT);
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }

    @Test
    void erasureDeletesTheInboxAndPreferencesOnceAndUnlinksTheDirectoryEntry() throws IOException {
        String enterprise = newId("ent");
        Person me = linked(enterprise);
        Person colleague = linked(enterprise);
        turnOffSalonMails(me);
        notifyEnterprise(enterprise);
        String eventId = UUID.randomUUID().toString();
        String pseudonym = "erased-" + UUID.randomUUID();

        String json = erase(me, eventId, pseudonym);
        awaitApplied(eventId);

        assertThat(notificationsOf(me.userId())).isZero();
        assertThat(notificationsOf(colleague.userId())).isEqualTo(1);
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(me.userId())), "email_preferences")).isFalse();
        assertThat(mongo.exists(Query.query(Criteria.where("userId").is(me.userId())), "directory_enterprise_links"))
                .isFalse();
        Document entry = mongo.findById(enterprise + ":" + pseudonym, Document.class, "directory_enterprise_links");
        assertThat(entry).containsEntry("linked", false).containsEntry("email", null)
                .containsEntry("displayName", PersonErased.ERASED_NAME);
        notifyEnterprise(enterprise);
        assertThat(notificationsOf(colleague.userId())).isEqualTo(2);
        assertThat(notificationsOf(pseudonym)).isZero();
        assertThat(api.as(me.token()).get(EXPORT).json().get("records").isEmpty()).isTrue();

        // a duplicate delivery is not applied again: what the person set since stays
        turnOffSalonMails(me);
        publish(PersonErased.ROUTING_KEY, json);
        String witness = UUID.randomUUID().toString();
        erase(new Person("someone-" + UUID.randomUUID(), "nobody@people.example"), witness, "erased-witness");
        awaitApplied(witness);
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(me.userId())), "email_preferences")).isTrue();
    }
}
