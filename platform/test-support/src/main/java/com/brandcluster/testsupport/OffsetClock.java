package com.brandcluster.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A service's time in a test: real time plus an offset the test moves forward, so that a token expires or a ballot
 * closes at once instead of after a wait. Tests that share one Spring context put it back with {@link #reset()}
 * after each test.
 */
public final class OffsetClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public synchronized void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock just past {@code instant}, unless it is past it already. */
    public synchronized void advancePast(Instant instant) {
        Instant now = instant();
        if (!now.isAfter(instant)) {
            offset = offset.plus(Duration.between(now, instant)).plusMillis(1);
        }
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock stays in UTC");
    }
}
