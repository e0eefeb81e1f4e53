package com.brandcluster.contracts;

/** One topic exchange per producing service. */
public final class Exchanges {

    public static final String MEMBERSHIP = "membership.events";
    public static final String SALONS = "salons.events";
    public static final String EVENTS = "events.events";
    public static final String ASSETS = "assets.events";

    /** Direct exchange that receives dead-lettered messages; each consumer queue's DLQ is bound by its name. */
    public static final String DEAD_LETTER = "dead-letter";

    private Exchanges() {
    }
}
