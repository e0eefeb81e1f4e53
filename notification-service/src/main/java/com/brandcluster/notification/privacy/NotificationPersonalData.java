package com.brandcluster.notification.privacy;

import com.brandcluster.platform.privacy.PersonalDataHolding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where notification-service holds personal data (docs/personal-data.md). A person's inbox, e-mail preferences and
 * the mails addressed to them are theirs alone and go. The recipient directory's entries (enterprise links,
 * secretariat members) are projections that keep the version they applied, so they stay, anonymised and unlinked
 * from any address, so that a late event about the person is recognised as stale. Reminders name the person only by
 * subject. Erasure comes with {@code membership.person.erased.v1} (queue {@code notification-service.privacy}).
 */
@Configuration(proxyBeanMethods = false)
class NotificationPersonalData {

    @Bean
    PersonalDataHolding inboxHoldsPersonalData() {
        return PersonalDataHolding.delete("notifications", "userId");
    }

    @Bean
    PersonalDataHolding emailPreferencesHoldPersonalData() {
        return PersonalDataHolding.delete("email_preferences", "_id");
    }

    @Bean
    PersonalDataHolding mailDeliveriesHoldPersonalData() {
        return PersonalDataHolding.deleteByEmail("mail_deliveries", "to");
    }

    @Bean
    PersonalDataHolding enterpriseLinksHoldPersonalData() {
        return PersonalDataHolding.anonymise("directory_enterprise_links", null, "userId").withEmails("email")
                .settingOnErasure("linked", false);
    }

    @Bean
    PersonalDataHolding secretariatsHoldPersonalData() {
        return PersonalDataHolding.anonymise("directory_secretariats", null, "members.userId")
                .withEmails("members.email");
    }

    @Bean
    PersonalDataHolding remindersHoldPersonalData() {
        return PersonalDataHolding.anonymise("reminders", null, "recipients.id");
    }

    @Bean
    PersonalDataHolding eventRegistrationsHoldPersonalData() {
        return PersonalDataHolding.anonymise("event_registrations", null, "cancelledBy");
    }
}
