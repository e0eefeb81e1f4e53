package com.brandcluster.events.privacy;

import com.brandcluster.platform.privacy.PersonalDataHolding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where events-service holds personal data (docs/personal-data.md). Registrations, posts, meetings and events are the
 * enterprises' and the secretariat's facts and count in seats and statistics, so they stay, anonymised: an attendee
 * found by their e-mail address keeps their place (and check-in) as "Erased user" without address or job title, and
 * the person's subject in who-did-what becomes their pseudonym. Erasure comes with
 * {@code membership.person.erased.v1} (queue {@code events-service.privacy}).
 */
@Configuration(proxyBeanMethods = false)
class EventsPersonalData {

    private static final String REVISION = "revision";

    @Bean
    PersonalDataHolding registrationsHoldPersonalData() {
        return PersonalDataHolding.anonymise("event_registrations", REVISION, "history.by")
                .withEmails("attendees.email");
    }

    @Bean
    PersonalDataHolding boardPostsHoldPersonalData() {
        return PersonalDataHolding.anonymise("board_posts", "version", "createdBy", "closedBy");
    }

    @Bean
    PersonalDataHolding meetingsHoldPersonalData() {
        return PersonalDataHolding.anonymise("meetings", REVISION, "history.by");
    }

    @Bean
    PersonalDataHolding meetingPlansHoldPersonalData() {
        return PersonalDataHolding.anonymise("meeting_plans", REVISION, "changedBy");
    }

    @Bean
    PersonalDataHolding exchangeEventsHoldPersonalData() {
        return PersonalDataHolding.anonymise("exchange_events", REVISION, "history.by");
    }
}
