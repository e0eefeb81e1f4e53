package com.brandcluster.contracts.membership;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A convention ballot closes within the reminder lead time (24 hours by default) and some enterprises of its
 * electorate have not voted yet: published once per ballot, so that they can be reminded. {@code notVoted} lists
 * those enterprises as they stood when it was published (votes are secret: it names no choice). The convention
 * records that it announced this, so {@code version} is the one that record gave it.
 */
public record ConventionBallotClosingSoon(UUID eventId, Instant occurredAt, String clusterId, long version,
                                          String conventionId, int conventionVersion, String title,
                                          Instant closesAt, List<String> notVoted)
        implements ClusterEvent {

    public static final String ROUTING_KEY = "membership.convention.ballot-closing-soon.v1";

    public ConventionBallotClosingSoon {
        notVoted = notVoted == null ? List.of() : List.copyOf(notVoted);
    }

    @Override
    public String aggregateId() {
        return conventionId;
    }
}
