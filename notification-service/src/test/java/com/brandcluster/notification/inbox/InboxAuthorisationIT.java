package com.brandcluster.notification.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.types.ObjectId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.brandcluster.notification.NotificationIntegrationTest;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox endpoints: any authenticated user, whatever their role, reads and marks their own notifications only;
 * another user's notification is not found (its existence is not revealed); anonymous callers get 401.
 */
class InboxAuthorisationIT extends NotificationIntegrationTest {

    @Autowired
    Notifier notifier;

    private String owner;
    private String other;

    @BeforeEach
    void twoUsersWithNotifications() {
        owner = UUID.randomUUID().toString();
        other = UUID.randomUUID().toString();
        notifyUser(owner, "first", Instant.parse("2026-03-01T02:00:00Z"));
        notifyUser(owner, "second", Instant.parse("2026-03-01T03:00:00Z"));
        notifyUser(other, "other's", Instant.parse("2026-03-01T04:00:00Z"));
    }

    @Test
    void listsOnlyTheCallersOwnNotificationsNewestFirstWithTheUnreadCount() {
        ApiClient.Response inbox = api.as(tokenOf(owner)).get("/api/notifications/me");

        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.json().at("/notifications/content").valueStream()
                .map(n -> n.get("subject").asString()).toList())
                .containsExactly("Meeting accepted at second", "Meeting accepted at first");
        assertThat(inbox.at("/notifications/totalElements")).isEqualTo("2");
        assertThat(inbox.at("/unreadCount")).isEqualTo("2");
        assertThat(inbox.at("/notifications/content/0/category")).isEqualTo("EVENTS");
        assertThat(inbox.at("/notifications/content/0/link")).isEqualTo("/events/x");
        assertThat(inbox.json().at("/notifications/content/0").has("userId")).as("no document fields").isFalse();
        assertThat(inbox.json().at("/notifications/content/0").has("sourceId")).isFalse();
    }

    @Test
    void everyRoleReadsItsOwnInbox() {
        for (String role : List.of(Roles.ENTERPRISE, Roles.EXPERT, Roles.SECRETARIAT, Roles.ALLIANCE_ADMIN)) {
            String user = UUID.randomUUID().toString();
            notifyUser(user, role, Instant.now());
            ApiClient.Response inbox = api.as(tokenOf(user, role)).get("/api/notifications/me");
            assertThat(inbox.status()).as(role).isEqualTo(200);
            assertThat(inbox.at("/notifications/content/0/subject")).isEqualTo("Meeting accepted at " + role);
            assertThat(api.as(tokenOf(user, role)).get("/api/notifications/me/unread-count").at("/unreadCount"))
                    .isEqualTo("1");
        }
    }

    @Test
    void marksTheCallersNotificationReadOnceAndFiltersUnread() {
        String id = api.as(tokenOf(owner)).get("/api/notifications/me").at("/notifications/content/0/id");

        ApiClient.Response read = api.as(tokenOf(owner)).post("/api/notifications/" + id + "/read", null);
        assertThat(read.status()).isEqualTo(200);
        String readAt = read.at("/readAt");
        assertThat(readAt).isNotNull();
        assertThat(api.as(tokenOf(owner)).post("/api/notifications/" + id + "/read", null).at("/readAt"))
                .as("marking again keeps the first time").isEqualTo(readAt);

        ApiClient.Response unread = api.as(tokenOf(owner)).get("/api/notifications/me?unread=true");
        assertThat(unread.at("/notifications/totalElements")).isEqualTo("1");
        assertThat(unread.at("/notifications/content/0/subject")).isEqualTo("Meeting accepted at first");
        assertThat(unread.at("/unreadCount")).isEqualTo("1");
    }

    @Test
    void anotherUsersNotificationIsNotFoundAndStaysUnread() {
        String othersId = api.as(tokenOf(other)).get("/api/notifications/me").at("/notifications/content/0/id");

        ApiClient.Response refused = api.as(tokenOf(owner)).post("/api/notifications/" + othersId + "/read", null);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.as(tokenOf(other)).get("/api/notifications/me/unread-count").at("/unreadCount"))
                .isEqualTo("1");
        assertThat(api.as(tokenOf(owner)).post("/api/notifications/" + new ObjectId() + "/read", null)
                .status()).isEqualTo(404);
    }

    @Test
    void marksAllOfTheCallersNotificationsReadAndNobodyElses() {
        ApiClient.Response marked = api.as(tokenOf(owner)).post("/api/notifications/me/read-all", null);

        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.at("/marked")).isEqualTo("2");
        assertThat(api.as(tokenOf(owner)).get("/api/notifications/me/unread-count").at("/unreadCount"))
                .isEqualTo("0");
        assertThat(api.as(tokenOf(other)).get("/api/notifications/me/unread-count").at("/unreadCount"))
                .isEqualTo("1");
    }

    @Test
    void anonymousCallersAreUnauthorisedEverywhere() {
        ApiClient anonymous = api.anonymous();
        List<ApiClient.Response> answers = List.of(
                anonymous.get("/api/notifications/me"),
                anonymous.get("/api/notifications/me/unread-count"),
                anonymous.post("/api/notifications/" + new ObjectId() + "/read", null),
                anonymous.post("/api/notifications/me/read-all", null),
                anonymous.get("/api/notifications/me/preferences"),
                anonymous.put("/api/notifications/me/preferences", Map.of("email", Map.of("SALONS", false))));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        assertThat(api.as(tokenOf(owner)).get("/api/notifications/me/unread-count").at("/unreadCount"))
                .isEqualTo("2");
    }

    @Test
    void refusesPagesOutOfRangeWithAProblem() {
        for (String query : List.of("?size=0", "?size=101", "?page=-1", "?unread=perhaps")) {
            ApiClient.Response refused = api.as(tokenOf(owner)).get("/api/notifications/me" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    private void notifyUser(String userId, String title, Instant occurredAt) {
        notifier.notify(new NotificationRequest(UUID.randomUUID().toString(), new Audience.User(userId),
                Category.EVENTS, "events.meeting.accepted", Args.of("title", title, "slotStartsAt", occurredAt,
                        "table", "T1"), null, "/events/x", null, occurredAt));
    }
}
