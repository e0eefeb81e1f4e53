package com.brandcluster.membership.enterprise;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * How membership-service reaches Keycloak's admin REST API: as the confidential client {@code membership-service},
 * whose service account may manage users and nothing else.
 */
@ConfigurationProperties("brandcluster.keycloak.admin")
public record KeycloakAdminProperties(
        URI baseUrl,
        @DefaultValue("brand-cluster") String realm,
        @DefaultValue("membership-service") String clientId,
        String clientSecret,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("200ms") Duration backoff) {
}
