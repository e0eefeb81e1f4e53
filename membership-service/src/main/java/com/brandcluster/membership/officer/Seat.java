package com.brandcluster.membership.officer;

/** The officer seats of a cluster, in the order a slate lists them. */
enum Seat {
    CHAIRMAN,
    VICE_CHAIRMAN,
    SECRETARY_GENERAL,
    DIRECTOR;

    /** Seats that at most one officer of a slate may hold; the others may be held several times. */
    boolean isSingle() {
        return this == CHAIRMAN || this == SECRETARY_GENERAL;
    }
}
