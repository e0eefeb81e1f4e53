package com.brandcluster.notification.mail;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

class MailDispatcherTest {

    @Test
    void theMessageIdIsTheDeliveryIdInThePortalsDomain() {
        assertThat(MailDispatcher.messageId("6650f1c2e4b0a1b2c3d4e5f6"))
                .isEqualTo("<6650f1c2e4b0a1b2c3d4e5f6@brandcluster.notifications>");
    }

    @Test
    void anIdThatCannotBeAMessageIdBecomesAStableUuidOfIt() {
        String messageId = MailDispatcher.messageId("reminder:consultation 42@x>");

        assertThat(messageId).matches("<[0-9a-f-]{36}@brandcluster\\.notifications>")
                .isEqualTo(MailDispatcher.messageId("reminder:consultation 42@x>"))
                .isNotEqualTo(MailDispatcher.messageId("reminder:consultation 43@x>"));
    }

    @Test
    void aRejectionIsReportedWithItsSmtpReplyCodeAndNoServerText() throws Exception {
        SMTPAddressFailedException rejected = new SMTPAddressFailedException(
                new InternetAddress("wang.fang@lighting.example"), "RCPT TO", 550,
                "550 5.1.1 <wang.fang@lighting.example>: user unknown");
        MailSendException failure = new MailSendException(Map.of(new Object(),
                new MessagingException("Invalid Addresses", rejected)));

        String reason = MailDispatcher.reason(failure);

        assertThat(reason).isEqualTo("MailSendException: SMTPAddressFailedException, SMTP reply 550")
                .doesNotContain("wang.fang");
        assertThat(MailDispatcher.unreachable(failure)).isFalse();
        assertThat(MailDispatcher.reason(new MailSendException("sending", new SMTPSendFailedException("DATA", 452,
                "452 4.3.1 Insufficient system storage", null, null, null, null))))
                .isEqualTo("MailSendException: SMTPSendFailedException, SMTP reply 452");
    }

    @Test
    void onlyAPermanentSmtpRejectionIsFinal() throws Exception {
        MailSendException unknownRecipient = new MailSendException(Map.of(new Object(), new MessagingException(
                "Invalid Addresses", new SMTPAddressFailedException(new InternetAddress("x@lighting.example"),
                        "RCPT TO", 550, "550 5.1.1 user unknown"))));
        MailSendException storageFull = new MailSendException("sending", new SMTPSendFailedException("DATA", 452,
                "452 4.3.1 Insufficient system storage", null, null, null, null));
        MailSendException unreachable = new MailSendException("Mail server connection failed",
                new MailConnectException(new SocketConnectException("Connection refused",
                        new ConnectException("Connection refused"), "smtp.internal", 25, 5000)));

        assertThat(MailDispatcher.permanentlyRejected(unknownRecipient)).isTrue();
        assertThat(MailDispatcher.permanentlyRejected(storageFull)).isFalse();
        assertThat(MailDispatcher.permanentlyRejected(unreachable)).isFalse();
    }

    @Test
    void aServerThatCannotBeReachedIsReportedAsSuchWithoutAddressOrPassword() {
        MailConnectException connect = new MailConnectException(new SocketConnectException("Connection refused",
                new ConnectException("Connection refused"), "smtp.internal", 25, 5000));
        MailSendException failure = new MailSendException("Mail server connection failed", connect);

        assertThat(MailDispatcher.reason(failure)).isEqualTo("MailSendException: ConnectException");
        assertThat(MailDispatcher.unreachable(failure)).isTrue();
        MailAuthenticationException badLogin = new MailAuthenticationException("535 auth failed for user secret");
        assertThat(MailDispatcher.reason(badLogin)).isEqualTo("MailAuthenticationException");
        assertThat(MailDispatcher.unreachable(badLogin)).isFalse();
    }
}
