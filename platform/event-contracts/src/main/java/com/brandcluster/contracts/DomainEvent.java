package com.brandcluster.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * What every domain event carries (DESIGN.md §5): its id, when it happened, the aggregate it is about and that
 * aggregate's version after the change. Consumers keep the last version they applied per aggregate and ignore older
 * or equal ones, so redelivery and reordering are harmless. Events about something inside a cluster are
 * {@link ClusterEvent}s; events about an enterprise (which may belong to several clusters) are not.
 */
public interface DomainEvent {

    UUID eventId();

    Instant occurredAt();

    /** The id of the aggregate whose change this event announces; the key of a consumer's projection. */
    String aggregateId();

    long version();
}
