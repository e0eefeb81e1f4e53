package com.brandcluster.salons.privacy;

import com.brandcluster.platform.privacy.PersonalDataHolding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where expert-salon-service holds personal data (docs/personal-data.md). An expert's profile and availability are
 * theirs alone and go. Consultations, salon registrations, salons, programmes and the experts' day ledgers are also
 * the enterprises' and the secretariat's facts and count in consultation hours and statistics, so they stay,
 * anonymised: the subject (a booker's, an expert's) becomes the pseudonym, an expert's name "Erased user", an
 * attendee found by their address loses it. Erasure comes with {@code membership.person.erased.v1} (queue
 * {@code expert-salon-service.privacy}).
 */
@Configuration(proxyBeanMethods = false)
class SalonsPersonalData {

    private static final String REVISION = "revision";

    @Bean
    PersonalDataHolding expertProfilesHoldPersonalData() {
        return PersonalDataHolding.delete("experts", "_id");
    }

    @Bean
    PersonalDataHolding availabilityHoldsPersonalData() {
        return PersonalDataHolding.delete("availability", "_id");
    }

    @Bean
    PersonalDataHolding consultationsHoldPersonalData() {
        return PersonalDataHolding.anonymise("consultations", "version", "bookedBy", "expertId", "history.by",
                "cancellation.subject");
    }

    @Bean
    PersonalDataHolding expertDaysHoldPersonalData() {
        return PersonalDataHolding.anonymise("consultation_expert_days", "version", "expertId");
    }

    @Bean
    PersonalDataHolding salonRegistrationsHoldPersonalData() {
        return PersonalDataHolding.anonymise("salon_registrations", REVISION, "registeredBy", "history.by")
                .withEmails("attendees.email");
    }

    @Bean
    PersonalDataHolding salonsHoldPersonalData() {
        return PersonalDataHolding.anonymise("salons", null, "createdBy", "expertIds");
    }

    @Bean
    PersonalDataHolding programmesHoldPersonalData() {
        return PersonalDataHolding.anonymise("salon_programmes", REVISION, "updatedBy", "slots.expertId");
    }

    @Bean
    PersonalDataHolding needsHoldPersonalData() {
        return PersonalDataHolding.anonymise("needs", null, "statedBy");
    }
}
