package com.brandcluster.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code brandcluster.security.*}: how bearer tokens are validated. Keycloak's endpoints are configured explicitly, so
 * nothing is fetched at startup (no OpenID discovery): a service starts while Keycloak is down, and keeps validating
 * tokens with the cached JWK set during an outage.
 *
 * @param issuerUri  the {@code iss} every token must carry, e.g. {@code http://localhost:8180/realms/brand-cluster}
 *                   (Keycloak's frontend URL); required
 * @param jwkSetUri  where the signing keys are fetched, e.g. an in-cluster URL of Keycloak; default
 *                   {@code <issuer-uri>/protocol/openid-connect/certs}
 * @param audiences  a token must name at least one of these in {@code aud}; default {@code brand-cluster-api}
 * @param clockSkew  tolerance for {@code exp}/{@code nbf}; default 30s
 * @param jwks       caching of the JWK set
 * @param tokenCacheSize how many validated tokens are remembered until they expire, so a repeated token skips the
 *                   signature check; 0 turns it off; default 2048
 */
@ConfigurationProperties("brandcluster.security")
public record SecurityProperties(@Nullable URI issuerUri, @Nullable URI jwkSetUri,
                                 @DefaultValue("brand-cluster-api") List<String> audiences,
                                 @DefaultValue("30s") Duration clockSkew,
                                 @DefaultValue Jwks jwks,
                                 @DefaultValue("2048") int tokenCacheSize) {

    /** Path of Keycloak's JWK set below the realm's issuer URI. */
    public static final String KEYCLOAK_CERTS_PATH = "/protocol/openid-connect/certs";

    public SecurityProperties {
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
    }

    /** The issuer; fails with a message naming the property when it is not set. */
    public URI requiredIssuerUri() {
        if (issuerUri == null) {
            throw new IllegalStateException("Set brandcluster.security.issuer-uri to the Keycloak realm's issuer, "
                    + "e.g. http://localhost:8180/realms/brand-cluster (and brandcluster.security.jwk-set-uri when "
                    + "Keycloak is reached under another address)");
        }
        return issuerUri;
    }

    /** The JWK set URI: configured, or derived from the issuer. */
    public URI effectiveJwkSetUri() {
        if (jwkSetUri != null) {
            return jwkSetUri;
        }
        String issuer = requiredIssuerUri().toString();
        return URI.create((issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + KEYCLOAK_CERTS_PATH);
    }

    /**
     * JWK set caching (Nimbus {@code JWKSourceBuilder}).
     *
     * @param cacheTtl           how long a fetched JWK set is used before it is fetched again; default 5m
     * @param refreshAhead       refresh this long before the cache expires, on the first request in that window
     *                           (0 = off); default 30s
     * @param refreshTimeout     how long a request waits for a refresh another request started; default 5s
     * @param outageTolerance    how long the last JWK set keeps being used when the endpoint cannot be reached;
     *                           default 24h
     * @param minRefreshInterval at most two fetches per interval (unknown key ids, failures); default 30s
     * @param connectTimeout     default 2s
     * @param readTimeout        default 2s
     */
    public record Jwks(@DefaultValue("5m") Duration cacheTtl,
                       @DefaultValue("30s") Duration refreshAhead,
                       @DefaultValue("5s") Duration refreshTimeout,
                       @DefaultValue("24h") Duration outageTolerance,
                       @DefaultValue("30s") Duration minRefreshInterval,
                       @DefaultValue("2s") Duration connectTimeout,
                       @DefaultValue("2s") Duration readTimeout) {
    }
}
