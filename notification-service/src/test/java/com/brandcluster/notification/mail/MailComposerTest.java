package com.brandcluster.notification.mail;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import com.brandcluster.notification.mail.MailDelivery.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MailComposerTest {

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    private final MailComposer composer = new MailComposer(MailDeliveryPropertiesTest.bind(Map.of(
            "brandcluster.mail.from", "品牌集群门户 <no-reply@brandcluster.example>",
            "brandcluster.mail.portal-url", "https://portal.example")));

    private static MailDelivery delivery(String to, @Nullable String name, String locale, @Nullable String actionUrl,
                                         String body) {
        return new MailDelivery("d-1", to, name, locale, "Subject", body, actionUrl, null, State.SENDING, 1, NOW,
                NOW, "token", null, NOW, NOW, null);
    }

    private static MimeParts compose(MailComposer composer, MailDelivery delivery) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        composer.compose(message, delivery);
        message.saveChanges();
        return MimeParts.of(message);
    }

    @Test
    void chineseLocalesGetTheChineseLayoutAndAllOthersTheEnglishOne() {
        assertThat(MailComposer.layoutLocale(Locale.forLanguageTag("zh"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(MailComposer.layoutLocale(Locale.SIMPLIFIED_CHINESE)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(MailComposer.layoutLocale(Locale.forLanguageTag("zh-Hans-CN"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(MailComposer.layoutLocale(Locale.ENGLISH)).isEqualTo(Locale.ENGLISH);
        assertThat(MailComposer.layoutLocale(Locale.GERMANY)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void withoutANameTheGreetingIsGeneralInEitherLanguage() throws Exception {
        assertThat(compose(composer, delivery("a@example.com", null, "en", null, "Body")).only("text/plain").text())
                .startsWith("Hello,\n\nBody\n\n");
        assertThat(compose(composer, delivery("a@example.com", " ", "zh-CN", null, "正文")).only("text/html").text())
                .contains("<p>您好：</p>", "<p>正文</p>");
    }

    @Test
    void onlyAbsoluteWebLinksBecomeAButton() throws Exception {
        for (String notAWebLink : new String[] {"javascript:alert(1)", "/relative/path", "https://", "not a uri"}) {
            MimeParts parts = compose(composer, delivery("a@example.com", "A", "en", notAWebLink, "Body"));
            assertThat(parts.only("text/html").text()).as(notAWebLink).doesNotContain("Open in the portal");
            assertThat(parts.only("text/plain").text()).as(notAWebLink).doesNotContain("Open in the portal");
        }
        assertThat(compose(composer, delivery("a@example.com", "A", "en", "http://portal.example/x", "Body"))
                .only("text/html").text()).contains("<a href=\"http://portal.example/x\"");
    }

    @Test
    void paragraphsAreSplitAtBlankLinesAndLinesKeptWithinThem() throws Exception {
        String html = compose(composer, delivery("a@example.com", "A", "en", null,
                "\n  First line\r\nsecond line\n \n\n\nNext <paragraph>\n")).only("text/html").text();

        assertThat(html).contains("<p>First line<br>\nsecond line</p>\n<p>Next &lt;paragraph&gt;</p>");
    }

    @Test
    void theSenderNameAndTheRecipientNameMayBeChinese() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        composer.compose(message, delivery("li.lei@coal.example", "李雷", "zh", null, "正文"));
        message.saveChanges();

        assertThat(message.getHeader("From", null)).startsWith("=?UTF-8?").endsWith("<no-reply@brandcluster.example>");
        assertThat(message.getHeader("To", null)).startsWith("=?UTF-8?").endsWith("<li.lei@coal.example>");
        assertThat(((jakarta.mail.internet.InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("品牌集群门户");
    }

    @Test
    void anAddressThatIsNoneIsRefusedBeforeAnythingIsSent() {
        assertThatExceptionOfType(AddressException.class).isThrownBy(() -> compose(composer,
                delivery("not an address", "A", "en", null, "Body")));
    }
}
