package com.brandcluster.notification.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.brandcluster.notification.NotificationIntegrationTest;
import com.brandcluster.notification.mail.CalendarInvite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notifier against MongoDB: concurrent calls for the same cause (a redelivery racing the first delivery, or two
 * instances) make one inbox entry and one e-mail per user; a failed enqueue leaves nothing behind, so the retry makes
 * both.
 */
class InboxNotifierIT extends NotificationIntegrationTest {

    @Autowired
    Notifier notifier;

    @Test
    void concurrentCallsForTheSameCauseMakeOneNotificationAndOneEmailPerUser() throws Exception {
        String enterprise = newId("ent");
        String first = linkedUser(enterprise, "1-" + enterprise + "@example.test", "en");
        String second = linkedUser(enterprise, "2-" + enterprise + "@example.test", "zh-CN");
        NotificationRequest request = request(enterprise);

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                calls.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    notifier.notify(request);
                }, threads));
            }
            start.countDown();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        }

        assertThat(notificationsOf(first)).isEqualTo(1);
        assertThat(notificationsOf(second)).isEqualTo(1);
        assertThat(mail.to("1-" + enterprise + "@example.test")).hasSize(1);
        assertThat(mail.to("2-" + enterprise + "@example.test")).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("咨询已确认：Brand positioning");
            assertThat(m.actionUrl()).isEqualTo("https://portal.test/salons/consultations/c1");
            assertThat(m.calendar()).isEqualTo(request.calendar());
        });
    }

    @Test
    void aFailedEnqueueLeavesNoNotificationSoThatTheRetryMakesBoth() throws Exception {
        String enterprise = newId("ent");
        String address = "f-" + enterprise + "@example.test";
        String user = linkedUser(enterprise, address, "en");
        NotificationRequest request = request(enterprise);
        mail.failNextTo(address);

        assertThatThrownBy(() -> notifier.notify(request)).isInstanceOf(IllegalStateException.class);
        assertThat(notificationsOf(user)).isZero();

        notifier.notify(request);
        assertThat(notificationsOf(user)).isEqualTo(1);
        assertThat(mail.to(address)).singleElement().satisfies(m -> assertThat(m.deliveryId())
                .isEqualTo(notificationOf(user, request.sourceId()).getObjectId("_id").toHexString()));
    }

    private static NotificationRequest request(String enterprise) {
        Instant start = Instant.parse("2026-06-03T01:00:00Z");
        return new NotificationRequest(UUID.randomUUID().toString(), new Audience.Enterprise(enterprise),
                Category.CONSULTATIONS, "salons.consultation.confirmed",
                Args.of("expert", "Wang Lei", "topic", "Brand positioning", "startsAt", start), "Asia/Shanghai",
                "/salons/consultations/c1", new CalendarInvite("consultation-c1@brandcluster", 2,
                        CalendarInvite.Method.REQUEST, start, start.plusSeconds(3600), "Brand positioning", null,
                        null), start);
    }
}
