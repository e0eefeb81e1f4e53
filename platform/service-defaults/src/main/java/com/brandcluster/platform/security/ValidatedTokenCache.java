package com.brandcluster.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens that passed validation, kept until they expire, so a client sending the same token again costs a map
 * lookup instead of an RSA signature check (the most expensive part of a request; see DESIGN.md §8). Only valid
 * tokens are cached; an entry is dropped once its {@code exp} (plus the clock skew the validators allow) has passed.
 * Bounded: when full, expired entries are removed, and if that is not enough the cache starts over.
 * <p>
 * Consequence to accept: a token stays accepted until it expires even if its signing key is withdrawn from the JWK
 * set in the meantime (Keycloak access tokens live minutes).
 */
final class ValidatedTokenCache {

    private final int maxSize;
    private final Duration clockSkew;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> entries = new ConcurrentHashMap<>();

    ValidatedTokenCache(int maxSize, Duration clockSkew, Clock clock) {
        this.maxSize = maxSize;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Nullable Jwt get(String token) {
        Jwt jwt = entries.get(token);
        if (jwt == null) {
            return null;
        }
        if (expired(jwt)) {
            entries.remove(token, jwt);
            return null;
        }
        return jwt;
    }

    void put(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null || expired(jwt)) {
            return;
        }
        if (entries.size() >= maxSize) {
            entries.values().removeIf(this::expired);
            if (entries.size() >= maxSize) {
                entries.clear();
            }
        }
        entries.put(token, jwt);
    }

    int size() {
        return entries.size();
    }

    private boolean expired(Jwt jwt) {
        return !clock.instant().isBefore(jwt.getExpiresAt().plus(clockSkew));
    }
}
