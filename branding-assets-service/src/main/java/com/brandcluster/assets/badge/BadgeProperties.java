package com.brandcluster.assets.badge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * {@code brandcluster.assets.badges.*}: what a printed badge points to.
 *
 * @param portalUrl the portal's public address (env {@code PORTAL_URL}): a badge's QR code and licence link lead to
 *                  its licence check page {@code <portalUrl>/licences/<id>}. Not taken from the request: the badge is
 *                  printed and scanned years later, and behind the gateway the service's own address is internal.
 */
@ConfigurationProperties("brandcluster.assets.badges")
record BadgeProperties(@DefaultValue("http://localhost:8080") URI portalUrl) {

    /** The public page that checks a licence: the one a badge's QR code opens. */
    String checkUrl(String licenceId) {
        String base = portalUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/licences/" + licenceId;
    }
}
