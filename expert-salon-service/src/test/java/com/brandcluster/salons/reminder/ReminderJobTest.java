package com.brandcluster.salons.reminder;

import com.brandcluster.platform.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class ReminderJobTest {

    private static final Instant NOW = Instant.parse("2026-06-02T01:00:00Z");
    private static final ReminderProperties PROPERTIES = new ReminderProperties(Duration.ofMinutes(1),
            Duration.ofHours(24), 50);

    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    private final OutboxRelay relay = mock(OutboxRelay.class);

    /** A kind of booking that says it queued {@code queued} reminders and records what it was asked. */
    record Kind(int queued, List<String> asked) implements BookingReminders {

        Kind(int queued) {
            this(queued, new ArrayList<>());
        }

        @Override
        public int remind(Instant now, Instant until, int batchSize) {
            asked.add(now + ".." + until + " by " + batchSize);
            return queued;
        }
    }

    private ReminderJob job(Clock clock, Kind... kinds) {
        for (int i = 0; i < kinds.length; i++) {
            beans.registerSingleton("kind" + i, kinds[i]);
        }
        beans.registerSingleton("relay", relay);
        return new ReminderJob(beans.getBeanProvider(BookingReminders.class), beans.getBeanProvider(OutboxRelay.class),
                PROPERTIES, clock);
    }

    @Test
    void asksEveryKindOfBookingForTheLeadTimeAheadAndWakesTheRelayOnce() {
        Kind consultations = new Kind(2);
        Kind registrations = new Kind(3);

        int queued = job(Clock.systemUTC(), consultations, registrations).remind(NOW);

        assertThat(queued).isEqualTo(5);
        assertThat(consultations.asked()).containsExactly("2026-06-02T01:00:00Z..2026-06-03T01:00:00Z by 50");
        assertThat(registrations.asked()).containsExactly("2026-06-02T01:00:00Z..2026-06-03T01:00:00Z by 50");
        verify(relay, times(1)).wakeUp();
    }

    @Test
    void leavesTheRelayAloneWhenNothingWasQueued() {
        assertThat(job(Clock.systemUTC(), new Kind(0), new Kind(0)).remind(NOW)).isZero();

        verify(relay, never()).wakeUp();
    }

    @Test
    void aScheduledRoundIsAsOfTheClock() {
        Kind consultations = new Kind(0);

        job(Clock.fixed(NOW, ZoneOffset.UTC), consultations).run();

        assertThat(consultations.asked()).containsExactly("2026-06-02T01:00:00Z..2026-06-03T01:00:00Z by 50");
    }

    @Test
    void refusesALeadTimeIntervalOrBatchSizeThatCannotWork() {
        assertThatThrownBy(() -> new ReminderProperties(Duration.ofMinutes(1), Duration.ZERO, 50))
                .hasMessageContaining("lead-time");
        assertThatThrownBy(() -> new ReminderProperties(Duration.ofMinutes(1), Duration.ofHours(-1), 50))
                .hasMessageContaining("lead-time");
        assertThatThrownBy(() -> new ReminderProperties(Duration.ZERO, Duration.ofHours(24), 50))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> new ReminderProperties(Duration.ofMinutes(1), Duration.ofHours(24), 0))
                .hasMessageContaining("batch-size");
    }
}
