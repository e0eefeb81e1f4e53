package com.brandcluster.notification.reminder;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The reminders' texts exist in English and Simplified Chinese for every message the reminders send. */
class ReminderMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final Properties english = load("messages/reminders.properties");
    private final Properties chinese = load("messages/reminders_zh_CN.properties");

    @Test
    void everyMessageTheRemindersSendHasASubjectAndABodyInBothLanguages() {
        List<String> sent = List.of(Lead.DAY.messageKey(Kind.CONSULTATION), Lead.HOUR.messageKey(Kind.CONSULTATION),
                Lead.DAY.messageKey(Kind.SALON), Lead.HOUR.messageKey(Kind.SALON), Lead.DAY.messageKey(Kind.EVENT),
                Lead.HOUR.messageKey(Kind.EVENT), Lead.EXPIRY.messageKey(Kind.MEMBERSHIP),
                BallotClosingReminders.MESSAGE_KEY);
        for (String key : sent) {
            for (String part : List.of(".subject", ".body")) {
                assertThat(english.getProperty(key + part)).as(key + part).isNotBlank();
                assertThat(chinese.getProperty(key + part)).as(key + part + " (zh_CN)").isNotBlank();
            }
        }
        assertThat(english.stringPropertyNames()).hasSize(sent.size() * 2);
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() {
        assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(chinese.getProperty(key))).as(key)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
        assertThat(chinese.getProperty("reminder.consultation.hour.subject")).contains("1小时后");
        assertThat(english.getProperty("reminder.consultation.hour.subject")).endsWith("starts in 1 hour");
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                ReminderMessagesTest.class.getClassLoader().getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
