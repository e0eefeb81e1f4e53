package com.brandcluster.notification.assets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

import com.brandcluster.contracts.assets.AssetCreated;
import com.brandcluster.contracts.assets.AssetVersionPublished;
import com.brandcluster.contracts.assets.AssetVersionRetired;
import com.brandcluster.notification.inbox.Args;
import com.brandcluster.notification.inbox.Audience;
import com.brandcluster.notification.inbox.Category;
import com.brandcluster.notification.inbox.Notifier;

import static com.brandcluster.notification.inbox.EventNotifications.request;

/**
 * Branding-assets-service's events that someone must hear about (queue {@code notification-service.assets}): a new
 * version of an asset replaces the one an enterprise downloaded. Consumed but not notified (events are published
 * {@code mandatory}, so each has a queue): asset created (a draft) and version retired (the current version is what
 * members get anyway).
 */
@Component
@RabbitListener(queues = "notification-service.assets")
class AssetNotifications {

    private static final Logger log = LoggerFactory.getLogger(AssetNotifications.class);

    private final Notifier notifier;

    AssetNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @RabbitHandler
    void on(AssetCreated e) {
        log.debug("Asset {} created as a draft: nothing to tell", e.assetId());
    }

    @RabbitHandler
    void on(AssetVersionRetired e) {
        log.debug("Version {} of asset {} retired: nothing to tell", e.versionNumber(), e.assetId());
    }

    @RabbitHandler
    void on(AssetVersionPublished e) {
        var args = Args.of("title", e.title(), "versionNumber", e.versionNumber(),
                "previousVersionNumber", e.previousVersionNumber(), "filename", e.filename());
        for (String enterprise : e.enterprisesWithOlderVersion()) {
            notifier.notify(request(e, new Audience.Enterprise(enterprise), Category.BRAND_ASSETS,
                    "assets.asset.version-published", args, null, "/brand-kit/assets/" + e.assetId(), null));
        }
    }
}
