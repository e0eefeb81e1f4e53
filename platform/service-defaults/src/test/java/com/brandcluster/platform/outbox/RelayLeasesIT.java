package com.brandcluster.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.brandcluster.testsupport.MongoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Two relay instances and one collection: one relays it at a time; the other takes over when the lease lapses. */
@ExtendWith(MongoExtension.class)
class RelayLeasesIT {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final MongoTemplate mongo = new MongoTemplate(MongoExtension.client(), MongoExtension.databaseName());
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T10:00:00Z"));
    private final Clock clock = new Clock() {
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
            return now.get();
        }
    };
    private final String collection = "leases_it_" + UUID.randomUUID();

    @Test
    void letsOneInstanceRelayACollectionAtATime() {
        RelayLeases first = new RelayLeases(mongo, clock, LEASE);
        RelayLeases second = new RelayLeases(mongo, clock, LEASE);

        assertThat(first.acquire(collection)).isTrue();
        assertThat(second.acquire(collection)).isFalse();
        advance(Duration.ofSeconds(20));
        assertThat(first.acquire(collection)).as("renewed").isTrue();
        advance(Duration.ofSeconds(20));
        assertThat(second.acquire(collection)).as("the renewed lease still holds").isFalse();
    }

    @Test
    void letsAnotherInstanceTakeOverWhenTheLeaseLapsesOrIsReleased() {
        RelayLeases crashed = new RelayLeases(mongo, clock, LEASE);
        RelayLeases survivor = new RelayLeases(mongo, clock, LEASE);
        RelayLeases newcomer = new RelayLeases(mongo, clock, LEASE);
        crashed.acquire(collection);

        advance(LEASE.plusSeconds(1));

        assertThat(survivor.acquire(collection)).isTrue();
        assertThat(crashed.acquire(collection)).isFalse();
        survivor.releaseAll();
        assertThat(newcomer.acquire(collection)).isTrue();
    }

    private void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }
}
