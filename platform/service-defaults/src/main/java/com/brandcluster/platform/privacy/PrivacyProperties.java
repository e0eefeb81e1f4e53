package com.brandcluster.platform.privacy;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param exportPath the path of the personal data export, e.g. {@code /api/events/me/personal-data}; without it the
 *                   service serves no export
 */
@ConfigurationProperties("brandcluster.privacy")
public record PrivacyProperties(@Nullable String exportPath) {
}
