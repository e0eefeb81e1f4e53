package com.brandcluster.notification.mail;

import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the dispatcher does with a mail the SMTP server refuses: a permanent reply (5xx) fails the delivery at once,
 * with the reply code for the operators, while a transient one (4xx) leaves it queued for a later attempt.
 */
class SmtpRejectionIT extends MailIntegrationTest {

    @Autowired
    MailDeliveries deliveries;

    @Autowired
    MailComposer composer;

    @Autowired
    MailDeliveryProperties properties;

    @Test
    void aPermanentRejectionFailsTheDeliveryAtOnceAndATransientOneIsRetried() {
        MailRequest unknownRecipient = request("unknown recipient");
        queue.enqueue(unknownRecipient);
        rejectingWith(550).dispatchDue();

        MailDelivery failed = delivery(unknownRecipient.deliveryId());
        assertThat(failed.state()).isEqualTo(MailDelivery.State.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).endsWith("SMTP reply 550");

        MailRequest mailboxBusy = request("mailbox busy");
        queue.enqueue(mailboxBusy);
        rejectingWith(450).dispatchDue();

        MailDelivery retried = delivery(mailboxBusy.deliveryId());
        assertThat(retried.state()).isEqualTo(MailDelivery.State.QUEUED);
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.nextAttemptAt()).isAfter(clock.instant());
    }

    /** A dispatcher whose SMTP server refuses every recipient with this reply code. */
    private MailDispatcher rejectingWith(int replyCode) {
        JavaMailSenderImpl refusing = new JavaMailSenderImpl() {
            @Override
            public void send(MimeMessage... messages) {
                try {
                    throw new MailSendException(Map.of(messages[0], new MessagingException("Invalid Addresses",
                            new SMTPAddressFailedException(new InternetAddress("x@lighting.example"), "RCPT TO",
                                    replyCode, replyCode + " refused"))));
                }
                catch (jakarta.mail.internet.AddressException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        };
        return new MailDispatcher(deliveries, composer, refusing, properties, new SimpleMeterRegistry());
    }
}
