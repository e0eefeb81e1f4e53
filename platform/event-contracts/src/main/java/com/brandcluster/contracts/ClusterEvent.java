package com.brandcluster.contracts;

/** A domain event about something inside one cluster. */
public interface ClusterEvent extends DomainEvent {

    String clusterId();
}
