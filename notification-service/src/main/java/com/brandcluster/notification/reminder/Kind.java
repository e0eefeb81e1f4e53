package com.brandcluster.notification.reminder;

import com.brandcluster.notification.inbox.Category;

import java.util.Locale;

/** What a reminder is about: its notification category and the message keys of its texts. */
enum Kind {

    CONSULTATION(Category.CONSULTATIONS),
    SALON(Category.SALONS),
    EVENT(Category.EVENTS),
    MEMBERSHIP(Category.MEMBERSHIP);

    private final Category category;

    Kind(Category category) {
        this.category = category;
    }

    Category category() {
        return category;
    }

    /** The kind as it appears in reminder keys and message keys: {@code consultation}. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
