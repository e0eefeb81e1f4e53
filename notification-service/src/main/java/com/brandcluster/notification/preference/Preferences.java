package com.brandcluster.notification.preference;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import com.brandcluster.notification.inbox.Category;
import com.brandcluster.notification.inbox.EmailWishes;

/** Reads and changes a user's e-mail preferences; answers the notifier whether a user wants an e-mail. */
@Component
class Preferences implements EmailWishes {

    private final MongoOperations mongo;

    Preferences(MongoOperations mongo) {
        this.mongo = mongo;
    }

    EmailPreferences of(String userId) {
        EmailPreferences stored = mongo.findById(userId, EmailPreferences.class);
        return stored == null ? EmailPreferences.allOn(userId) : stored;
    }

    /**
     * Applies the categories named (the others keep their setting). The whole document is replaced in one write, so
     * a concurrent change of the same user's preferences is last-writer-wins, as a settings page expects.
     *
     * @throws MandatoryCategoryException when the change turns a mandatory category off
     */
    EmailPreferences change(String userId, Map<Category, Boolean> email) {
        email.forEach((category, on) -> {
            if (category.mandatory() && !on) {
                throw new MandatoryCategoryException(category);
            }
        });
        Set<Category> off = EnumSet.noneOf(Category.class);
        off.addAll(of(userId).emailOff());
        email.forEach((category, on) -> {
            if (on) {
                off.remove(category);
            }
            else {
                off.add(category);
            }
        });
        EmailPreferences changed = new EmailPreferences(userId, off);
        mongo.save(changed);
        return changed;
    }

    @Override
    public boolean wantsEmail(String userId, Category category) {
        return of(userId).wantsEmail(category);
    }
}
