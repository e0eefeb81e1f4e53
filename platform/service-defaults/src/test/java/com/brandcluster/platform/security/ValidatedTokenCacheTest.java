package com.brandcluster.platform.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidatedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void checksARepeatedValidTokenOnlyOnce() {
        AtomicInteger decodes = new AtomicInteger();
        JwtDecoder decoder = CachingJwtDecoders.servlet(token -> {
            decodes.incrementAndGet();
            return jwt(token, Instant.now().plusSeconds(300));
        }, properties(16));

        Jwt first = decoder.decode("token-a");
        Jwt second = decoder.decode("token-a");
        decoder.decode("token-b");

        assertThat(second).isSameAs(first);
        assertThat(decodes).hasValue(2);
    }

    @Test
    void neverCachesARefusedToken() {
        AtomicInteger decodes = new AtomicInteger();
        JwtDecoder decoder = CachingJwtDecoders.servlet(token -> {
            decodes.incrementAndGet();
            throw new BadJwtException("bad signature");
        }, properties(16));

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(decodes).hasValue(2);
    }

    @Test
    void forgetsATokenOnceItHasExpired() {
        MutableClock clock = new MutableClock(NOW);
        ValidatedTokenCache cache = new ValidatedTokenCache(16, Duration.ofSeconds(30), clock);
        cache.put("t", jwt("t", NOW.plusSeconds(60)));

        clock.now = NOW.plusSeconds(89);
        assertThat(cache.get("t")).isNotNull();
        clock.now = NOW.plusSeconds(90);
        assertThat(cache.get("t")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysWithinItsSize() {
        MutableClock clock = new MutableClock(NOW);
        ValidatedTokenCache cache = new ValidatedTokenCache(3, Duration.ZERO, clock);
        for (int i = 0; i < 10; i++) {
            cache.put("t" + i, jwt("t" + i, NOW.plusSeconds(60)));
        }

        assertThat(cache.size()).isLessThanOrEqualTo(3);
        assertThat(cache.get("t9")).isNotNull();
    }

    @Test
    void cachesInTheReactiveDecoderToo() {
        AtomicInteger decodes = new AtomicInteger();
        ReactiveJwtDecoder decoder = CachingJwtDecoders.reactive(token -> Mono.fromSupplier(() -> {
            decodes.incrementAndGet();
            return jwt(token, Instant.now().plusSeconds(300));
        }), properties(16));

        decoder.decode("token-a").block();
        decoder.decode("token-a").block();

        assertThat(decodes).hasValue(1);
    }

    @Test
    void canBeTurnedOff() {
        AtomicInteger decodes = new AtomicInteger();
        JwtDecoder decoder = CachingJwtDecoders.servlet(token -> {
            decodes.incrementAndGet();
            return jwt(token, Instant.now().plusSeconds(300));
        }, properties(0));

        decoder.decode("token-a");
        decoder.decode("token-a");

        assertThat(decodes).hasValue(2);
    }

    private static SecurityProperties properties(int cacheSize) {
        return new SecurityProperties(URI.create("http://issuer.test/realms/x"), null, List.of("brand-cluster-api"),
                Duration.ofSeconds(30), new SecurityProperties.Jwks(Duration.ofMinutes(5), Duration.ofSeconds(30),
                        Duration.ofSeconds(5), Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofSeconds(2),
                        Duration.ofSeconds(2)), cacheSize);
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("u")
                .issuedAt(expiresAt.minusSeconds(300)).expiresAt(expiresAt).build();
    }

    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
