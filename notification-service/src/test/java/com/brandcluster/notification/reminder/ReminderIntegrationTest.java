package com.brandcluster.notification.reminder;

import com.brandcluster.notification.MutableClock;

import com.brandcluster.testsupport.PlatformInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.UUID;

/**
 * The notification-service context against MongoDB and RabbitMQ from test-support, with a clock the tests move and a
 * recording {@link com.brandcluster.notification.inbox.Notifier}. The job's own scheduled rounds run on the test clock
 * too (interval one hour, so they stay out of the way); tests drive rounds by calling the job.
 */
@PlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "brandcluster.notifications.reminders.interval=PT1H")
@Import(ReminderTestBeans.class)
abstract class ReminderIntegrationTest {

    /** Where the test clock stands at the start of every test. */
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Autowired
    MutableClock clock;
    @Autowired
    RecordingNotifier notifier;
    @Autowired
    ReminderJob job;
    @Autowired
    MongoOperations mongo;

    @BeforeEach
    void startAfresh() {
        clock.set(NOW);
        mongo.remove(new Query(), Reminder.class);
        notifier.forget();
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A round of the job as of {@code now}, the clock standing there too. */
    int roundAt(Instant now) {
        clock.set(now);
        return job.remind(now);
    }

    Reminder reminder(String id) {
        return mongo.findById(id, Reminder.class);
    }
}
