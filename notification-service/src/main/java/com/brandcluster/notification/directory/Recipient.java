package com.brandcluster.notification.directory;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A user a notification is for, with what it takes to reach them.
 *
 * @param userId      the Keycloak subject; the inbox is keyed by it
 * @param email       the address for e-mails, or null when unknown (the notification then only reaches the inbox)
 * @param locale      the language for subject and body
 * @param displayName for the greeting, or null
 */
public record Recipient(String userId, @Nullable String email, Locale locale, @Nullable String displayName) {

    /** English unless the user chose Simplified Chinese ({@code zh}, {@code zh-CN}, {@code zh_CN}...). */
    public static Locale localeOf(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return Locale.ENGLISH;
        }
        Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
        return "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** A user known by id only: the inbox still gets the notification, in English, without an e-mail. */
    public static Recipient unreachable(String userId) {
        return new Recipient(userId, null, Locale.ENGLISH, null);
    }
}
