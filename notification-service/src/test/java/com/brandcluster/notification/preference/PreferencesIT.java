package com.brandcluster.notification.preference;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.brandcluster.notification.NotificationIntegrationTest;
import com.brandcluster.notification.inbox.Args;
import com.brandcluster.notification.inbox.Audience;
import com.brandcluster.notification.inbox.Category;
import com.brandcluster.notification.inbox.NotificationRequest;
import com.brandcluster.notification.inbox.Notifier;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail preferences per category: all on by default, each user changes only their own, mandatory categories cannot
 * be turned off, unknown categories are refused; a category turned off still reaches the inbox, without an e-mail.
 */
class PreferencesIT extends NotificationIntegrationTest {

    private static final String PREFERENCES = "/api/notifications/me/preferences";

    @Autowired
    Notifier notifier;

    @Test
    void everyCategoryIsOnByDefaultAndMembershipIsMandatory() {
        for (String role : List.of(Roles.ENTERPRISE, Roles.EXPERT, Roles.SECRETARIAT, Roles.ALLIANCE_ADMIN)) {
            ApiClient.Response preferences = api.as(tokenOf(UUID.randomUUID().toString(), role)).get(PREFERENCES);
            assertThat(preferences.status()).as(role).isEqualTo(200);
            for (Category category : Category.values()) {
                assertThat(preferences.at("/email/" + category)).as(category.name()).isEqualTo("true");
            }
            assertThat(preferences.at("/mandatory/0")).isEqualTo("MEMBERSHIP");
        }
    }

    @Test
    void aUserTurnsOffACategoryForThemselvesOnly() {
        String user = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();

        ApiClient.Response changed = api.as(tokenOf(user)).put(PREFERENCES,
                Map.of("email", Map.of("SALONS", false, "EVENTS", false)));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.at("/email/SALONS")).isEqualTo("false");

        api.as(tokenOf(user)).put(PREFERENCES, Map.of("email", Map.of("EVENTS", true)));

        ApiClient.Response mine = api.as(tokenOf(user)).get(PREFERENCES);
        assertThat(mine.at("/email/SALONS")).as("not named, kept").isEqualTo("false");
        assertThat(mine.at("/email/EVENTS")).isEqualTo("true");
        assertThat(mine.at("/email/CONSULTATIONS")).isEqualTo("true");
        assertThat(api.as(tokenOf(other)).get(PREFERENCES).at("/email/SALONS")).isEqualTo("true");
    }

    @Test
    void turningOffAMandatoryCategoryIsRefusedAndChangesNothing() {
        String user = UUID.randomUUID().toString();

        ApiClient.Response refused = api.as(tokenOf(user)).put(PREFERENCES,
                Map.of("email", Map.of("SALONS", false, "MEMBERSHIP", false)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.at("/type")).isEqualTo("urn:brandcluster:problem:mandatory-category");
        assertThat(refused.at("/category")).isEqualTo("MEMBERSHIP");
        assertThat(refused.at("/detail")).contains("MEMBERSHIP");
        assertThat(api.as(tokenOf(user)).get(PREFERENCES).at("/email/SALONS")).isEqualTo("true");
        assertThat(api.as(tokenOf(user)).put(PREFERENCES, Map.of("email", Map.of("MEMBERSHIP", true))).status())
                .as("turning it on is harmless").isEqualTo(200);
    }

    @Test
    void unknownCategoriesAndMalformedPreferencesAreBadRequests() {
        String token = tokenOf(UUID.randomUUID().toString());

        ApiClient.Response unknown = api.as(token).put(PREFERENCES, Map.of("email", Map.of("NEWSLETTER", false)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.at("/type")).isEqualTo("urn:brandcluster:problem:unknown-category");
        assertThat(unknown.at("/category")).isEqualTo("NEWSLETTER");

        for (String body : List.of("{}", "{\"email\":{\"SALONS\":\"sometimes\"}}", "{\"email\":{\"SALONS\":null}}",
                "not json")) {
            ApiClient.Response refused = api.as(token).send("PUT", PREFERENCES, body, "application/json");
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aCategoryTurnedOffStillReachesTheInboxButSendsNoEmail() throws Exception {
        String enterprise = newId("ent");
        String user = linkedUser(enterprise, "pref-" + enterprise + "@example.test", "en");
        api.as(tokenOf(user)).put(PREFERENCES, Map.of("email", Map.of("SALONS", false)));

        String salon = notifyEnterprise(enterprise, Category.SALONS, "salons.registration.confirmed");
        String membership = notifyEnterprise(enterprise, Category.MEMBERSHIP, "membership.member.status.reinstated");
        String events = notifyEnterprise(enterprise, Category.EVENTS, "events.registration.confirmed");

        assertThat(notificationOf(user, salon)).isNotNull();
        assertThat(notificationOf(user, membership)).isNotNull();
        assertThat(notificationOf(user, events)).isNotNull();
        assertThat(mail.to("pref-" + enterprise + "@example.test"))
                .extracting(r -> r.deliveryId())
                .containsExactlyInAnyOrder(notificationOf(user, membership).getObjectId("_id").toHexString(),
                        notificationOf(user, events).getObjectId("_id").toHexString());
    }

    private String notifyEnterprise(String enterprise, Category category, String key) {
        String source = UUID.randomUUID().toString();
        notifier.notify(new NotificationRequest(source, new Audience.Enterprise(enterprise), category, key,
                Args.of("title", "Brand Home", "startsAt", Instant.parse("2026-04-01T06:00:00Z"), "attendees", 2,
                        "memberNumber", "LIGHT-2026-0042", "cluster", "lighting"),
                null, "/x", null, Instant.now()));
        return source;
    }
}
