package com.brandcluster.notification.preference;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.brandcluster.notification.inbox.Category;

/**
 * A user's e-mail preferences: the categories whose e-mails they turned off (in-portal notifications are always
 * made). No document means every category is on. Mandatory categories are never turned off.
 */
@Document(EmailPreferences.COLLECTION)
record EmailPreferences(@Id String userId, Set<Category> emailOff) {

    static final String COLLECTION = "email_preferences";

    EmailPreferences {
        emailOff = emailOff == null || emailOff.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(emailOff));
    }

    static EmailPreferences allOn(String userId) {
        return new EmailPreferences(userId, Set.of());
    }

    boolean wantsEmail(Category category) {
        return category.mandatory() || !emailOff.contains(category);
    }
}
