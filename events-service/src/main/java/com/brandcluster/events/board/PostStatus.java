package com.brandcluster.events.board;

/**
 * Where a post stands. OPEN, WITHDRAWN and REMOVED are stored; EXPIRED is never stored but computed whenever a post
 * is read: an OPEN post whose {@code validUntil} has passed is EXPIRED from that instant on, with no job to wait for,
 * and queries for open posts say {@code validUntil > now}. Its enterprise renews it by moving {@code validUntil}.
 */
enum PostStatus {
    OPEN,
    EXPIRED,
    /** Taken down by its enterprise. */
    WITHDRAWN,
    /** Taken down by the cluster's secretariat, with a reason. */
    REMOVED
}
