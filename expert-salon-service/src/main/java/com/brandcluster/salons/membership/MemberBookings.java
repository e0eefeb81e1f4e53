package com.brandcluster.salons.membership;

import java.time.Instant;

/**
 * Bookings an enterprise holds in a cluster (consultations, salon registrations) that are kept, but flagged for the
 * cluster's secretariat, while its membership is not in good standing (suspended, lapsed, terminated). Every bean of
 * this type is called when a membership's standing changes; each must be idempotent, because membership events are
 * delivered at least once.
 */
public interface MemberBookings {

    /**
     * Flags the enterprise's bookings in the cluster that start after {@code now} and still stand.
     *
     * @param reason the membership status that caused it (SUSPENDED, LAPSED, TERMINATED)
     * @return how many bookings were newly flagged
     */
    long flagFuture(String clusterId, String enterpriseId, String reason, Instant now);

    /**
     * Clears the flag of the enterprise's bookings in the cluster once its membership is in good standing again.
     *
     * @return how many bookings were cleared
     */
    long clearFlags(String clusterId, String enterpriseId, Instant now);
}
