package com.brandcluster.notification.mail;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.javamail.JavaMailSender;

import com.brandcluster.notification.mail.MailDelivery.State;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail queue end to end against a real SMTP server (GreenMail): what arrives, in both languages and with an
 * iCalendar invitation; enqueuing twice; an SMTP outage with backoff; a dispatcher that died holding a delivery; two
 * dispatchers racing over the same deliveries.
 */
class MailDispatchIT extends MailIntegrationTest {

    private static final Instant SALON_START = Instant.parse("2026-06-12T06:30:00.250Z");
    private static final Instant SALON_END = Instant.parse("2026-06-12T08:00:00Z");

    @Autowired
    MailDeliveries deliveries;

    @Autowired
    MailComposer composer;

    @Autowired
    JavaMailSender sender;

    @Autowired
    MailDeliveryProperties properties;

    @Autowired
    ApplicationContext context;

    @Test
    void sendsAnEnglishMailWithTextHtmlAndTheCalendarInviteAsPartAndAttachment() throws Exception {
        CalendarInvite invite = new CalendarInvite("salon-77@brandcluster", 3, CalendarInvite.Method.REQUEST,
                SALON_START, SALON_END, "Salon: Brand Home, Brand Price", "Hall 3, Guzhen Lighting Expo Centre",
                "Experts on pricing a shared brand");
        MailRequest request = new MailRequest("delivery-en-1", "wang.fang@lighting.example",
                "Wang <Fang> & Co", Locale.UK, "Registered: Brand Home, Brand Price",
                "You are registered for the salon <b>Brand Home</b>.\nDoors open at 14:00.\n\nSee you there & then.",
                "https://portal.example/salons/77?tab=registration&from='mail'", invite);
        double sentBefore = counted("sent");

        queue.enqueue(request);
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        MimeMessage mail = awaitReceived(1).getFirst();
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("wang.fang@lighting.example");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("no-reply@brandcluster.local");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Brand Cluster Portal");
        assertThat(mail.getSubject()).isEqualTo("Registered: Brand Home, Brand Price");
        assertThat(mail.getMessageID()).isEqualTo("<delivery-en-1@brandcluster.notifications>");
        assertThat(mail.getSentDate().toInstant()).isEqualTo(START);

        MimeParts parts = MimeParts.of(mail);
        assertThat(parts.structure()).isEqualTo(
                "multipart/mixed[multipart/alternative[text/plain,text/html,text/calendar],application/ics]");
        String text = parts.only("text/plain").text();
        assertThat(text).contains("Dear Wang <Fang> & Co,", "You are registered for the salon <b>Brand Home</b>.",
                "Open in the portal: https://portal.example/salons/77?tab=registration&from='mail'",
                "The attached calendar invitation adds this to your calendar.",
                "Manage your notification preferences at https://portal.example/notifications/preferences");
        String html = parts.only("text/html").text();
        assertThat(html).contains("<html lang=\"en\">", "Dear Wang &lt;Fang&gt; &amp; Co,",
                        "You are registered for the salon &lt;b&gt;Brand Home&lt;/b&gt;.<br>\nDoors open at 14:00.</p>",
                        "<p>See you there &amp; then.</p>",
                        "href=\"https://portal.example/salons/77?tab=registration&amp;from=&#39;mail&#39;\"",
                        ">Open in the portal</a>",
                        "<a href=\"https://portal.example/notifications/preferences\"")
                .doesNotContain("<b>Brand Home</b>", "<Fang>");

        MimeParts.Leaf calendarPart = parts.only("text/calendar");
        assertThat(calendarPart.type().getParameter("method")).isEqualTo("REQUEST");
        assertThat(calendarPart.type().getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        MimeParts.Leaf attachment = parts.only("application/ics");
        assertThat(attachment.disposition()).isEqualToIgnoringCase("attachment");
        assertThat(attachment.filename()).isEqualTo("invite.ics");
        assertThat(attachment.text()).isEqualTo(calendarPart.text());

        Calendar calendar = new CalendarBuilder().build(new StringReader(attachment.text()));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent event = calendar.<VEvent>getComponents(VEvent.VEVENT).getFirst();
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("salon-77@brandcluster");
        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("3");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20260612T063000Z");
        assertThat(event.getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo("20260612T080000Z");
        assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getValue())
                .isEqualTo("mailto:wang.fang@lighting.example");

        MailDelivery sent = delivery("delivery-en-1");
        assertThat(sent.state()).isEqualTo(State.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.sentAt()).isEqualTo(START);
        assertThat(sent.lockToken()).isNull();
        assertThat(counted("sent")).isEqualTo(sentBefore + 1);
    }

    @Test
    void sendsAChineseMailWithAChineseSubjectAndChineseLayout() throws Exception {
        MailRequest request = new MailRequest("delivery-zh-1", "li.lei@coal.example", "李雷", Locale.forLanguageTag("zh-CN"),
                "入会申请已批准", "您的入会申请已获批准。\n\n欢迎加入焦煤品牌集群。", "https://portal.example/membership", null);

        queue.enqueue(request);
        dispatcher.dispatchDue();

        MimeMessage mail = awaitReceived(1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("入会申请已批准");
        assertThat(mail.getHeader("Subject", null)).startsWith("=?UTF-8?");
        assertThat(mail.getHeader("Content-Language", null)).isEqualTo("zh-CN");
        MimeParts parts = MimeParts.of(mail);
        assertThat(parts.structure()).isEqualTo("multipart/alternative[text/plain,text/html]");
        assertThat(parts.only("text/plain").text()).contains("李雷，您好：", "您的入会申请已获批准。", "欢迎加入焦煤品牌集群。",
                "在门户中查看: https://portal.example/membership", "您收到此邮件，是因为您在品牌集群门户拥有账户。",
                "您可以在 https://portal.example/notifications/preferences 管理通知偏好设置。")
                .doesNotContain("Dear", "Open in the portal");
        assertThat(parts.only("text/html").text()).contains("<html lang=\"zh-CN\">", "<p>李雷，您好：</p>",
                ">在门户中查看</a>", "品牌集群门户");
    }

    @Test
    void enqueuingTheSameDeliveryTwiceSendsOneMail() throws Exception {
        MailRequest request = request("Your membership was renewed");

        queue.enqueue(request);
        queue.enqueue(request);
        queue.enqueue(new MailRequest(request.deliveryId(), "someone.else@example.com", null, Locale.ENGLISH,
                "Changed", "Changed", null, null));
        while (dispatcher.dispatchDue() > 0) {
            // until nothing is due
        }
        queue.enqueue(request);
        assertThat(dispatcher.dispatchDue()).isZero();

        assertThat(awaitReceived(1).getFirst().getSubject()).isEqualTo("Your membership was renewed");
        assertThat(mongo.count(new Query(), MailDelivery.class)).isEqualTo(1);
        assertThat(delivery(request.deliveryId()).state()).isEqualTo(State.SENT);
    }

    @Test
    void anSmtpOutageLosesNothingCountsAttemptsAndRespectsTheBackoff() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MailRequest request = request("Reminder " + i);
            queue.enqueue(request);
            ids.add(request.deliveryId());
            clock.advance(Duration.ofSeconds(1)); // a defined order of due times
        }
        double retriedBefore = counted("retried");
        TestSmtp.down();

        // a round stops at the first delivery that cannot reach the server; the others wait untouched
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        MailDelivery first = delivery(ids.get(0));
        assertThat(first.state()).isEqualTo(State.QUEUED);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(first.lastError()).isEqualTo("MailSendException: ConnectException");
        assertThat(delivery(ids.get(1)).attempts()).isZero();
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(ids).allSatisfy(id -> assertThat(delivery(id).attempts()).isEqualTo(1));
        Instant firstRetry = delivery(ids.get(2)).nextAttemptAt();

        clock.set(firstRetry.minusMillis(1));
        assertThat(dispatcher.dispatchDue()).as("nothing is due before the backoff").isZero();

        clock.set(firstRetry);
        while (dispatcher.dispatchDue() > 0) {
            // each round spends one attempt on the server that is still down
        }
        assertThat(ids).allSatisfy(id -> {
            MailDelivery waiting = delivery(id);
            assertThat(waiting.state()).isEqualTo(State.QUEUED);
            assertThat(waiting.attempts()).isEqualTo(2);
            assertThat(waiting.nextAttemptAt()).isEqualTo(firstRetry.plus(Duration.ofMinutes(2)));
        });
        assertThat(counted("retried")).isEqualTo(retriedBefore + 6);
        assertThat(TestSmtp.received()).isEmpty();

        TestSmtp.up();
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.dispatchDue()).as("the server is back, but the backoff still runs").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(dispatcher.dispatchDue()).isEqualTo(3);
        assertThat(dispatcher.dispatchDue()).isZero();

        assertThat(awaitReceived(3)).extracting(MimeMessage::getMessageID).containsExactlyInAnyOrderElementsOf(
                ids.stream().map(MailDispatcher::messageId).toList());
        assertThat(ids).allSatisfy(id -> assertThat(delivery(id).state()).isEqualTo(State.SENT));
    }

    @Test
    void aDeliveryWhoseDispatcherDiedIsSentOnceItsLeaseExpires() throws Exception {
        MailRequest request = request("Your consultation is confirmed");
        queue.enqueue(request);
        MailDelivery claimedByADeadInstance = deliveries.claimNext(properties.lease()).orElseThrow();
        assertThat(claimedByADeadInstance.state()).isEqualTo(State.SENDING);

        clock.advance(properties.lease().minusSeconds(1));
        assertThat(dispatcher.dispatchDue()).as("the lease still holds").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        assertThat(awaitReceived(1).getFirst().getMessageID()).isEqualTo(MailDispatcher.messageId(request.deliveryId()));
        MailDelivery sent = delivery(request.deliveryId());
        assertThat(sent.state()).isEqualTo(State.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(deliveries.markSent(claimedByADeadInstance)).as("the dead claim cannot write any more").isFalse();
    }

    @Test
    void aDeliveryWhoseEveryAttemptDiedWithItsDispatcherIsFailedAndNotSentAgain() {
        MailRequest request = request("Poison");
        queue.enqueue(request);
        for (int attempt = 0; attempt < properties.maxAttempts(); attempt++) {
            assertThat(deliveries.claimNext(properties.lease())).isPresent(); // and its dispatcher died
            clock.advance(properties.lease());
        }

        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        MailDelivery failed = delivery(request.deliveryId());
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.lastError()).isEqualTo("Interrupted: the last attempt did not finish");
        assertThat(TestSmtp.received()).isEmpty();
    }

    @Test
    void twoDispatchersRacingOverTheSameDeliveriesSendEachOnce() throws Exception {
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 30; i++) {
            MailRequest request = request("Batch " + i);
            queue.enqueue(request);
            ids.add(request.deliveryId());
        }
        // another instance of the service: its own beans over the same database and SMTP server
        MailDispatcher otherInstance = new MailDispatcher(
                new MailDeliveries(mongo, context.getBeanProvider(Clock.class)), composer, sender, properties,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> thisOne = () -> drain(dispatcher, start);
        Callable<Integer> otherOne = () -> drain(otherInstance, start);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = threads.submit(thisOne);
            Future<Integer> b = threads.submit(otherOne);
            start.countDown();
            assertThat(a.get() + b.get()).isEqualTo(30);
        }
        finally {
            threads.shutdownNow();
        }

        List<MimeMessage> received = awaitReceived(30);
        assertThat(received.stream().map(MailDispatchIT::messageId).collect(Collectors.toSet()))
                .isEqualTo(ids.stream().map(MailDispatcher::messageId).collect(Collectors.toSet()));
        assertThat(ids).allSatisfy(id -> {
            assertThat(delivery(id).state()).isEqualTo(State.SENT);
            assertThat(delivery(id).attempts()).isEqualTo(1);
        });
    }

    @Test
    void aMailThatCannotBeComposedFailsAtOnceAndTheRoundGoesOn() throws Exception {
        MailRequest badAddress = new MailRequest("bad-address", "not an address", null, Locale.ENGLISH, "Hello",
                "Body", null, null);
        MailRequest good = request("Good");
        queue.enqueue(badAddress);
        clock.advance(Duration.ofSeconds(1));
        queue.enqueue(good);

        assertThat(dispatcher.dispatchDue()).isEqualTo(2);

        MailDelivery failed = delivery("bad-address");
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isEqualTo("AddressException");
        assertThat(awaitReceived(1).getFirst().getSubject()).isEqualTo("Good");
    }

    @Test
    void sentDeliveriesAreDeletedAfterTheRetentionAndNothingElseIs() throws Exception {
        MailRequest sent = request("Sent long ago");
        queue.enqueue(sent);
        dispatcher.dispatchDue();
        awaitReceived(1);
        TestSmtp.down();
        MailRequest waiting = request("Still waiting");
        queue.enqueue(waiting);
        dispatcher.dispatchDue();

        clock.advance(properties.retention());
        assertThat(dispatcher.purgeSent()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(dispatcher.purgeSent()).isEqualTo(1);

        assertThat(delivery(sent.deliveryId())).isNull();
        assertThat(delivery(waiting.deliveryId()).state()).isEqualTo(State.QUEUED);
    }

    private static int drain(MailDispatcher dispatcher, CountDownLatch start) throws InterruptedException {
        start.await();
        int attempted = 0;
        int round;
        while ((round = dispatcher.dispatchDue()) > 0) {
            attempted += round;
        }
        return attempted;
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
