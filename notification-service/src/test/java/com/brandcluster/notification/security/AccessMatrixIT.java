package com.brandcluster.notification.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.brandcluster.notification.NotificationIntegrationTest;
import com.brandcluster.notification.inbox.Args;
import com.brandcluster.notification.inbox.Audience;
import com.brandcluster.notification.inbox.Notifier;
import com.brandcluster.notification.inbox.NotificationRequest;
import com.brandcluster.notification.inbox.Category;
import com.brandcluster.testsupport.AccessMatrix;
import com.brandcluster.testsupport.AccessMatrix.Caller;
import com.brandcluster.testsupport.AccessMatrix.Identity;
import com.brandcluster.testsupport.FuzzRun;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of {@code openapi/notification-service.json} as each of the eight callers of
 * {@link AccessMatrix}: a user's inbox and preferences are theirs alone; whoever signs in reads and changes their own,
 * never another person's, and a notification of someone else is not found.
 */
class AccessMatrixIT extends NotificationIntegrationTest {

    @LocalServerPort
    private int port;

    @Autowired
    private Notifier notifier;

    @Test
    void noCallerReachesAnotherPersonsNotificationsOrPreferences() {
        String tenant = UUID.randomUUID().toString().substring(0, 8);
        Identity owner = Identity.enterpriseUser("user-a-" + tenant, "enterprise-a-" + tenant);
        Identity otherEnterprise = Identity.enterpriseUser("user-b-" + tenant, "enterprise-b-" + tenant);
        Identity otherSecretariat = Identity.secretariat("secretariat-b-" + tenant, "cluster-b-" + tenant);
        Identity expert = Identity.expert("expert-b-" + tenant);
        String privateTitle = "Private briefing of A " + tenant;
        notifyUser(owner.subject(), privateTitle);
        for (Identity other : List.of(otherEnterprise, otherSecretariat, expert)) {
            notifyUser(other.subject(), "Briefing of " + other.subject());
        }
        String ownersNotification = api.as(owner.token()).get("/api/notifications/me")
                .at("/notifications/content/0/id");

        AccessMatrix matrix = AccessMatrix.local("notification-service", port, FuzzRun.OUTBOX_COLLECTIONS)
                .otherTenant(otherEnterprise, otherSecretariat, expert)
                .privateValues(privateTitle)
                .tenantValues(owner.subject());
        String own = "every signed-in person has an inbox and preferences of their own";
        matrix.operation("GET /api/notifications/me").by(owner).self(own);
        matrix.operation("GET /api/notifications/me/unread-count").by(owner).self(own);
        matrix.operation("POST /api/notifications/me/read-all").by(owner).self(own);
        matrix.operation("GET /api/notifications/me/preferences").by(owner).self(own);
        matrix.operation("PUT /api/notifications/me/preferences").by(owner).self(own)
                .json("{\"email\": {\"SALONS\": false}}");
        matrix.operation("GET /api/notifications/me/personal-data").by(owner).self(own);
        matrix.operation("POST /api/notifications/{id}/read").by(owner).path("id", ownersNotification)
                .roleIndependent("a notification is its person's, whatever their roles");

        AccessMatrix.Report report = matrix.assertHolds();

        assertThat(report.cases()).isEqualTo(7 * Caller.values().length);
        assertThat(report.leaks()).isZero();
        assertThat(report.changedDocuments()).isZero();
        assertThat(api.as(owner.token()).get("/api/notifications/me/unread-count").at("/unreadCount"))
                .as("read by the right caller at the end").isEqualTo("0");
    }

    private void notifyUser(String userId, String title) {
        notifier.notify(new NotificationRequest(UUID.randomUUID().toString(), new Audience.User(userId),
                Category.EVENTS, "events.meeting.accepted", Args.of("title", title, "slotStartsAt", Instant.now(),
                        "table", "T1"), null, "/events/x", null, Instant.now()));
    }
}
