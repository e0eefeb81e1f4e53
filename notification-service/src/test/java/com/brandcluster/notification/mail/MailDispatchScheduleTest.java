package com.brandcluster.notification.mail;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class MailDispatchScheduleTest {

    @Test
    void dispatchesEveryPollIntervalAndPurgesEveryHour() {
        MailDeliveryProperties properties = MailDeliveryPropertiesTest.bind(Map.of(
                "brandcluster.mail.poll-interval", "7s"));
        ScheduledTaskRegistrar tasks = new ScheduledTaskRegistrar();

        new MailDispatchSchedule(mock(MailDispatcher.class), properties).configureTasks(tasks);

        assertThat(tasks.getFixedDelayTaskList()).extracting(IntervalTask::getIntervalDuration)
                .containsExactly(Duration.ofSeconds(7), Duration.ofHours(1));
    }
}
