package com.brandcluster.notification.inbox;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param portalUrl where the portal's pages are, for the links in e-mails (a notification's link is a path)
 */
@ConfigurationProperties("brandcluster.notifications")
public record NotificationProperties(@DefaultValue("http://localhost:8080") URI portalUrl) {

    /** The absolute URL of a portal path, or null without a path. */
    String absolute(String link) {
        String base = portalUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + link;
    }
}
