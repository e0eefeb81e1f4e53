package com.brandcluster.notification.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a notification's subject and body in a recipient's language from the {@code messages/notifications}
 * bundle, with named {@code {name}} placeholders: instants are written as local date and time in the request's zone
 * (Asia/Shanghai when it names none), dates as long local dates, everything else as text. A placeholder without an
 * argument stays as it is, so a missing argument shows in tests instead of vanishing.
 */
@Component
public class MessageTexts {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final MessageSource messages;

    public MessageTexts(MessageSource messages) {
        this.messages = messages;
    }

    public record Rendered(String subject, String body) {
    }

    public Rendered render(String messageKey, Map<String, Object> args, @Nullable String timeZone, Locale locale) {
        ZoneId zone = timeZone == null || timeZone.isBlank() ? DEFAULT_ZONE : ZoneId.of(timeZone);
        return new Rendered(text(messageKey + ".subject", args, zone, locale),
                text(messageKey + ".body", args, zone, locale));
    }

    private String text(String key, Map<String, Object> args, ZoneId zone, Locale locale) {
        String pattern = messages.getMessage(key, null, locale);
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = args.get(matcher.group(1));
            String replacement = value == null ? matcher.group() : format(value, zone, locale);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String format(Object value, ZoneId zone, Locale locale) {
        return switch (value) {
            case Instant instant -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale).withZone(zone).format(instant) + " (" + zone.getId() + ")";
            case LocalDate date -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
            default -> value.toString();
        };
    }
}
