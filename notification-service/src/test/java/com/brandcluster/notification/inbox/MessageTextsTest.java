package com.brandcluster.notification.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.brandcluster.notification.RecordingNotifier;
import com.brandcluster.notification.directory.Recipient;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTextsTest {

    private final MessageTexts texts = RecordingNotifier.TEXTS;

    @Test
    void rendersNamedArgumentsWithInstantsInTheRequestsZoneAndTheRecipientsLanguage() {
        var args = Args.of("title", "Brand Home, Brand Price", "startsAt", Instant.parse("2026-06-18T01:30:00Z"),
                "attendees", 2);

        MessageTexts.Rendered english = texts.render("salons.registration.confirmed", args, "Europe/Berlin",
                Locale.ENGLISH);
        MessageTexts.Rendered chinese = texts.render("salons.registration.confirmed", args, null,
                Locale.SIMPLIFIED_CHINESE);

        assertThat(english.subject()).isEqualTo("Salon registration confirmed: Brand Home, Brand Price");
        assertThat(english.body()).isEqualTo("Your registration for the salon \"Brand Home, Brand Price\" at "
                + "Jun 18, 2026, 3:30\u202fAM (Europe/Berlin) is confirmed for 2 attendee(s).");
        assertThat(chinese.body()).isEqualTo(
                "您报名的沙龙“Brand Home, Brand Price”（2026年6月18日 09:30 (Asia/Shanghai)）已确认，共 2 人。");
    }

    @Test
    void writesDatesLongInTheRecipientsLanguageAndLeavesAMissingArgumentVisible() {
        var args = Args.of("cluster", "China Lighting Brand Cluster", "memberNumber", "LIGHT-2026-0042",
                "validUntil", LocalDate.parse("2027-03-31"));

        assertThat(texts.render("membership.member.status.renewed", args, null, Locale.ENGLISH).body())
                .isEqualTo("Your membership LIGHT-2026-0042 in China Lighting Brand Cluster"
                        + " was renewed until March 31, 2027.");
        assertThat(texts.render("membership.member.status.renewed", args, null, Locale.SIMPLIFIED_CHINESE).body())
                .isEqualTo("您在China Lighting Brand Cluster的会员资格 LIGHT-2026-0042 已续期至 2027年3月31日。");
        assertThat(texts.render("membership.member.status.renewed", Args.of(), null, Locale.ENGLISH).subject())
                .isEqualTo("Membership {memberNumber} renewed");
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryKeyHasSubjectAndBody() throws IOException {
        Properties english = load("/messages/notifications.properties");
        Properties chinese = load("/messages/notifications_zh_CN.properties");

        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allSatisfy(key -> {
            String messageKey = key.substring(0, key.lastIndexOf('.'));
            assertThat(english).containsKeys(messageKey + ".subject", messageKey + ".body");
        });
    }

    @Test
    void recipientsReadChineseFromAnyChineseTagAndEnglishOtherwise() {
        assertThat(Recipient.localeOf("zh-CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Recipient.localeOf("zh_CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Recipient.localeOf("zh")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Recipient.localeOf("en-GB")).isEqualTo(Locale.ENGLISH);
        assertThat(Recipient.localeOf("de")).isEqualTo(Locale.ENGLISH);
        assertThat(Recipient.localeOf(null)).isEqualTo(Locale.ENGLISH);
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageTextsTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
