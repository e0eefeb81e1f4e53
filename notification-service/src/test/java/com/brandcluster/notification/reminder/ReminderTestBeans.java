package com.brandcluster.notification.reminder;

import com.brandcluster.notification.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The reminder ITs' clock, which they move, and their recording stand-in for the inbox's Notifier. */
@TestConfiguration(proxyBeanMethods = false)
class ReminderTestBeans {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(ReminderIntegrationTest.NOW);
    }

    /** Primary: the reminders' own behaviour is what these tests look at, not the inbox's. */
    @Bean
    @Primary
    RecordingNotifier recordingNotifier() {
        return new RecordingNotifier();
    }
}
