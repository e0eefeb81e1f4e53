package com.brandcluster.notification.mail;

import com.brandcluster.notification.MutableClock;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.PlatformInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notification-service context against MongoDB and RabbitMQ from test-support, test tokens, and GreenMail behind
 * a fault proxy ({@link TestSmtp}) as its SMTP server; the dispatcher does not run on its own (tests run rounds), and
 * time is a {@link MutableClock}. Every test starts with an empty mail queue and mailbox.
 */
@PlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "brandcluster.mail.scheduling-enabled=false",
        "brandcluster.mail.max-attempts=3",
        "brandcluster.mail.initial-backoff=1m",
        "brandcluster.mail.backoff-multiplier=2",
        "brandcluster.mail.max-backoff=10m",
        "brandcluster.mail.lease=2m",
        "brandcluster.mail.portal-url=https://portal.example"})
@Import(MailIntegrationTest.Time.class)
abstract class MailIntegrationTest {

    static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", TestSmtp::host);
        registry.add("spring.mail.port", TestSmtp::port);
    }

    @TestConfiguration
    static class Time {

        @Bean
        @Primary
        MutableClock mailTestClock() {
            return new MutableClock(START);
        }
    }

    @LocalServerPort
    private int port;

    @Autowired
    MongoOperations mongo;

    @Autowired
    MutableClock clock;

    @Autowired
    MailQueue queue;

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    MeterRegistry meters;

    ApiClient api;

    @BeforeEach
    void emptyQueueAndMailbox() {
        mongo.remove(new Query(), MailDelivery.class);
        TestSmtp.reset();
        clock.set(START);
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    static MailRequest request(Locale locale, String subject, @Nullable CalendarInvite calendar) {
        return new MailRequest(UUID.randomUUID().toString(), "wang.fang@lighting.example", "Wang Fang", locale,
                subject, "Your application was approved.\n\nWelcome to the cluster.",
                "https://portal.example/membership/applications/42", calendar);
    }

    static MailRequest request(String subject) {
        return request(Locale.ENGLISH, subject, null);
    }

    MailDelivery delivery(String deliveryId) {
        return mongo.findById(deliveryId, MailDelivery.class);
    }

    /** Waits until the mailbox holds exactly {@code count} messages; they. */
    static List<MimeMessage> awaitReceived(int count) {
        await().untilAsserted(() -> assertThat(TestSmtp.received()).hasSizeGreaterThanOrEqualTo(count));
        List<MimeMessage> received = TestSmtp.received();
        assertThat(received).hasSize(count);
        return received;
    }

    double counted(String outcome) {
        return meters.counter(MailDispatcher.METER, "outcome", outcome).count();
    }
}
