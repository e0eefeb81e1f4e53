package com.brandcluster.notification.directory;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where notification-service reads users it has not heard of from: Keycloak's admin REST API, read-only, as the
 * confidential service-account client {@code notification-service} (realm-management {@code view-users} only).
 *
 * @param url            Keycloak's base URL ({@code http://localhost:8180})
 * @param realm          the realm ({@code brand-cluster})
 * @param clientId       the service-account client
 * @param clientSecret   its secret
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for an answer
 */
@ConfigurationProperties("brandcluster.notifications.keycloak")
public record KeycloakProperties(@DefaultValue("http://localhost:8180") URI url,
                                 @DefaultValue("brand-cluster") String realm,
                                 @DefaultValue("notification-service") String clientId,
                                 @DefaultValue("dev-notification-service-secret") String clientSecret,
                                 @DefaultValue("2s") Duration connectTimeout,
                                 @DefaultValue("5s") Duration readTimeout) {

    @Override
    public String toString() {
        return "KeycloakProperties[url=" + url + ", realm=" + realm + ", clientId=" + clientId + "]";
    }
}
