package com.brandcluster.gateway.session;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser sessions (the gateway as backend-for-frontend), {@code brandcluster.gateway.browser.*}.
 *
 * @param keycloak where the realm is, as the browser and as the gateway reach it
 * @param clientId the confidential OIDC client the gateway logs browsers in with
 * @param clientSecret its secret ({@code BC_PORTAL_GATEWAY_SECRET})
 * @param session the session store
 */
@ConfigurationProperties("brandcluster.gateway.browser")
public record BrowserSessionProperties(Keycloak keycloak,
        @DefaultValue("portal-gateway") String clientId,
        @DefaultValue("dev-portal-gateway-secret") String clientSecret,
        @DefaultValue Session session) {

    /**
     * Keycloak's addresses. Every endpoint is configured explicitly (no discovery), so the gateway starts while
     * Keycloak is down.
     *
     * @param issuerUri the realm as the browser sees it, the {@code iss} of its tokens (by default the issuer the
     *                  bearer tokens are checked against, {@code brandcluster.security.issuer-uri}): the login and
     *                  logout pages are below it
     * @param url Keycloak's root as the gateway reaches it (back channel: token and JWK set endpoints), e.g.
     *            {@code http://keycloak:8080}; without it, the issuer's own address
     */
    public record Keycloak(URI issuerUri, @Nullable URI url) {

        public String issuer() {
            return withoutTrailingSlash(issuerUri.toString());
        }

        public String authorizationUri() {
            return issuer() + "/protocol/openid-connect/auth";
        }

        public String endSessionUri() {
            return issuer() + "/protocol/openid-connect/logout";
        }

        public String tokenUri() {
            return backChannelRealm() + "/protocol/openid-connect/token";
        }

        public String jwkSetUri() {
            return backChannelRealm() + "/protocol/openid-connect/certs";
        }

        /** The realm's address on the back channel: the issuer's path below {@code url}. */
        private String backChannelRealm() {
            if (url == null || url.toString().isBlank()) {
                return issuer();
            }
            return withoutTrailingSlash(url.toString()) + withoutTrailingSlash(issuerUri.getRawPath());
        }

        private static String withoutTrailingSlash(String value) {
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        }
    }

    /**
     * The session store (MongoDB, collection {@code collection} of the gateway's database).
     *
     * @param timeout a session unused for this long has ended (Keycloak's SSO idle timeout is 30 minutes too)
     * @param collection the collection holding the sessions
     * @param cleanupInterval how often ended sessions are deleted (no TTL index: see {@link ExpiredSessions})
     */
    public record Session(@DefaultValue("30m") Duration timeout, @DefaultValue("sessions") String collection,
            @DefaultValue("5m") Duration cleanupInterval) {
    }
}
