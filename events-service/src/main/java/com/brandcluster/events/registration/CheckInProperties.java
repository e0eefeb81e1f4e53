package com.brandcluster.events.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * When attendees are checked in: from {@code opensBeforeStart} before the event starts (doors open, badges are handed
 * out) until {@code closesAfterEnd} after it ends, on every day of an event that lasts several.
 */
@ConfigurationProperties("brandcluster.events.check-in")
record CheckInProperties(@DefaultValue("PT2H") Duration opensBeforeStart,
                         @DefaultValue("PT0S") Duration closesAfterEnd) {
}
