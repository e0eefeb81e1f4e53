package com.brandcluster.notification.mail;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher every {@code brandcluster.mail.poll-interval} (after the previous round finished), and deletes
 * sent deliveries older than {@code brandcluster.mail.retention} every hour. Off with
 * {@code brandcluster.mail.scheduling-enabled=false}, as in tests, which run rounds themselves.
 */
@Component
@ConditionalOnBooleanProperty(name = "brandcluster.mail.scheduling-enabled", matchIfMissing = true)
class MailDispatchSchedule implements SchedulingConfigurer {

    static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final MailDispatcher dispatcher;
    private final MailDeliveryProperties properties;

    MailDispatchSchedule(MailDispatcher dispatcher, MailDeliveryProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(dispatcher::dispatchDue, properties.pollInterval());
        tasks.addFixedDelayTask(dispatcher::purgeSent, PURGE_INTERVAL);
    }
}
