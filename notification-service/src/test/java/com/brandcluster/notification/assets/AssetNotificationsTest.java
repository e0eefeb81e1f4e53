package com.brandcluster.notification.assets;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.assets.AssetVersionPublished;
import com.brandcluster.notification.RecordingNotifier;
import com.brandcluster.notification.inbox.Audience;
import com.brandcluster.notification.inbox.Category;
import com.brandcluster.notification.inbox.NotificationRequest;

import static org.assertj.core.api.Assertions.assertThat;

class AssetNotificationsTest {

    private final RecordingNotifier notifier = new RecordingNotifier();
    private final AssetNotifications notifications = new AssetNotifications(notifier);

    @Test
    void aNewVersionReachesEveryEnterpriseThatDownloadedAnOlderOne() {
        AssetVersionPublished published = EventFixtures.event(AssetVersionPublished.class,
                Map.of("enterprisesWithOlderVersion", List.of("ent-a", "ent-b")));

        notifications.on(published);

        assertThat(notifier.requests()).extracting(NotificationRequest::audience)
                .containsExactly(new Audience.Enterprise("ent-a"), new Audience.Enterprise("ent-b"));
        assertThat(notifier.requests()).allSatisfy(r -> {
            assertThat(r.category()).isEqualTo(Category.BRAND_ASSETS);
            assertThat(r.messageKey()).isEqualTo("assets.asset.version-published");
            assertThat(r.sourceId()).isEqualTo(published.eventId().toString());
            assertThat(r.args()).containsEntry("title", "Cluster mark, full colour").containsEntry("versionNumber", 2);
            assertThat(r.link()).isEqualTo("/brand-kit/assets/6b1c2d3e4f5a6b7c8d9e0f11");
        });
    }

    @Test
    void aFirstVersionNobodyDownloadedReachesNobody() {
        notifications.on(EventFixtures.event(AssetVersionPublished.class,
                Map.of("enterprisesWithOlderVersion", List.of())));

        assertThat(notifier.requests()).isEmpty();
    }
}
