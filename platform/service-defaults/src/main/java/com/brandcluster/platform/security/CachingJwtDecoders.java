package com.brandcluster.platform.security;

import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Decoders that remember validated tokens ({@link ValidatedTokenCache}); size 0 turns the cache off. */
final class CachingJwtDecoders {

    private CachingJwtDecoders() {
    }

    static JwtDecoder servlet(JwtDecoder delegate, SecurityProperties properties) {
        if (properties.tokenCacheSize() <= 0) {
            return delegate;
        }
        ValidatedTokenCache cache = new ValidatedTokenCache(properties.tokenCacheSize(), properties.clockSkew(),
                Clock.systemUTC());
        return token -> {
            Jwt cached = cache.get(token);
            if (cached != null) {
                return cached;
            }
            Jwt jwt = delegate.decode(token);
            cache.put(token, jwt);
            return jwt;
        };
    }

    static ReactiveJwtDecoder reactive(ReactiveJwtDecoder delegate, SecurityProperties properties) {
        if (properties.tokenCacheSize() <= 0) {
            return delegate;
        }
        ValidatedTokenCache cache = new ValidatedTokenCache(properties.tokenCacheSize(), properties.clockSkew(),
                Clock.systemUTC());
        return token -> {
            Jwt cached = cache.get(token);
            if (cached != null) {
                return Mono.just(cached);
            }
            return delegate.decode(token).doOnNext(jwt -> cache.put(token, jwt));
        };
    }
}
