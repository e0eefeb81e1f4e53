package com.brandcluster.notification.preference;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.NullMarked;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.brandcluster.notification.inbox.Category;
import com.brandcluster.platform.security.Caller;

/** The caller's own e-mail preferences, per category; any authenticated user. */
@RestController
@RequestMapping("/api/notifications/me/preferences")
@NullMarked
class PreferenceController {

    private final Preferences preferences;

    PreferenceController(Preferences preferences) {
        this.preferences = preferences;
    }

    /**
     * @param email     category -> whether its e-mails are sent (in-portal notifications always are)
     * @param mandatory the categories whose e-mails cannot be turned off
     */
    record PreferencesView(Map<Category, Boolean> email, List<Category> mandatory) {

        static PreferencesView of(EmailPreferences preferences) {
            Map<Category, Boolean> email = new LinkedHashMap<>();
            for (Category category : Category.values()) {
                email.put(category, preferences.wantsEmail(category));
            }
            return new PreferencesView(email,
                    Arrays.stream(Category.values()).filter(Category::mandatory).toList());
        }
    }

    /** @param email the categories to change, by name; the ones not named keep their setting */
    record PreferencesChange(@NotNull Map<String, @NotNull Boolean> email) {
    }

    @GetMapping
    PreferencesView mine(Caller caller) {
        return PreferencesView.of(preferences.of(caller.subject()));
    }

    @PutMapping
    PreferencesView change(@Valid @RequestBody PreferencesChange change, Caller caller) {
        Map<Category, Boolean> email = new EnumMap<>(Category.class);
        change.email().forEach((name, on) -> email.put(category(name), on));
        return PreferencesView.of(preferences.change(caller.subject(), email));
    }

    private static Category category(String name) {
        try {
            return Category.valueOf(name);
        }
        catch (IllegalArgumentException ex) {
            throw new UnknownCategoryException(name);
        }
    }
}
