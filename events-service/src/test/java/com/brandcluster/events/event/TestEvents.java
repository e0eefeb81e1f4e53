package com.brandcluster.events.event;

import java.time.Instant;

/** Exchange events in any state, built through the aggregate's own transitions, for other packages' unit tests. */
public final class TestEvents {

    private TestEvents() {
    }

    /**
     * The event drafted, published and cancelled (as far as {@code status} asks) at {@code at}, which must lie before
     * its registration closes.
     */
    public static ExchangeEvent inState(ExchangeEvent.Status status, String id, String clusterId,
                                        EventDetails details, Instant at) {
        ExchangeEvent event = ExchangeEvent.draft(id, clusterId, details.validated(), "secretariat", at);
        if (status != ExchangeEvent.Status.DRAFT) {
            event.publish("secretariat", at);
        }
        if (status == ExchangeEvent.Status.CANCELLED) {
            event.cancel("Typhoon warning", "secretariat", at);
        }
        return event;
    }
}
