package com.brandcluster.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay.
 *
 * @param enabled        whether the relay starts publishing at start; when false it starts paused (entries are
 *                       still written with their aggregates) until {@link OutboxRelay#resume()}
 * @param pollInterval   how often it looks for pending entries besides being woken after every save
 * @param batchSize      how many documents it reads per collection and round
 * @param confirmTimeout how long it waits for the broker's confirms of a batch
 * @param retention      how long sent entries stay in their documents before they are pruned
 * @param pruneInterval  how often sent entries older than the retention are pruned
 * @param lease          how long one instance keeps relaying a collection alone (several instances then do not
 *                       publish the same entries twice); another instance takes over when it expires
 * @param maxBackoff     the longest wait before retrying an entry the broker refused (unroutable or nacked)
 */
@ConfigurationProperties("brandcluster.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("1s") Duration pollInterval,
                               @DefaultValue("100") int batchSize,
                               @DefaultValue("10s") Duration confirmTimeout,
                               @DefaultValue("7d") Duration retention,
                               @DefaultValue("1h") Duration pruneInterval,
                               @DefaultValue("30s") Duration lease,
                               @DefaultValue("1m") Duration maxBackoff) {

    public OutboxProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("brandcluster.outbox.batch-size must be at least 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("brandcluster.outbox.poll-interval must be positive");
        }
    }
}
