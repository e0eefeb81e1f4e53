package com.brandcluster.membership.privacy;

import com.brandcluster.membership.enterprise.ColleagueErasure;
import com.brandcluster.platform.privacy.PersonalDataEmails;
import com.brandcluster.platform.privacy.PersonalDataHolding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where membership-service holds personal data (docs/personal-data.md). Everything here is also a fact of an
 * enterprise, a cluster or the register, so nothing is deleted: the person's subject becomes their pseudonym, their
 * e-mail addresses go and their names become "Erased user". Officers are recorded by the name the secretariat typed
 * (a public office of the cluster, not linked to an account) and stay.
 */
@Configuration(proxyBeanMethods = false)
class MembershipPersonalData {

    private static final String REVISION = "revision";

    /** Colleague entries, invitations and removals, the registrant, and contacts with the person's address. */
    @Bean
    PersonalDataHolding enterprisesHoldPersonalData() {
        return PersonalDataHolding.anonymise("enterprises", REVISION, "registeredBy", "users.userId",
                "pendingLinks.userId", "pendingLinks.by", "pendingUnlinks.userId", "pendingUnlinks.by")
                .withEmails("users.email", "pendingLinks.email", "contacts.email");
    }

    /** Who submitted or decided an application and each step of its history. */
    @Bean
    PersonalDataHolding applicationsHoldPersonalData() {
        return PersonalDataHolding.anonymise("applications", REVISION, "submittedBy", "decidedBy", "history.by");
    }

    /** Who changed a membership (the secretariat's steps). */
    @Bean
    PersonalDataHolding membershipsHoldPersonalData() {
        return PersonalDataHolding.anonymise("memberships", REVISION, "history.by");
    }

    @Bean
    PersonalDataHolding conventionsHoldPersonalData() {
        return PersonalDataHolding.anonymise("conventions", REVISION, "createdBy", "ballot.openedBy", "history.by");
    }

    /** Who cast an enterprise's vote; the vote stays (it counts in the tally). */
    @Bean
    PersonalDataHolding votesHoldPersonalData() {
        return PersonalDataHolding.anonymise("convention_votes", null, "castBy");
    }

    @Bean
    PersonalDataHolding acceptancesHoldPersonalData() {
        return PersonalDataHolding.anonymise("convention_acceptances", null, "acceptedBy");
    }

    @Bean
    PersonalDataHolding standardsHoldPersonalData() {
        return PersonalDataHolding.anonymise("standard_adoptions", REVISION, "declaredBy", "history.by",
                "certification.recordedBy", "pastCertifications.recordedBy");
    }

    /** Founders and secretariat members of clusters. */
    @Bean
    PersonalDataHolding clustersHoldPersonalData() {
        return PersonalDataHolding.anonymise("clusters", REVISION, "createdBy", "secretariat.userId",
                "pendingSecretariat.by", "pendingSecretariat.affectedUserIds", "pendingSecretariat.target.userId")
                .withEmails("secretariat.email", "pendingSecretariat.target.email");
    }

    /** Actors of the audit trail, and users an entry is about. */
    @Bean
    PersonalDataHolding auditLogHoldsPersonalData() {
        return PersonalDataHolding.anonymise("audit_log", null, "actorId", "subjectId");
    }

    @Bean
    PersonalDataHolding officerSlatesHoldPersonalData() {
        return PersonalDataHolding.anonymise("officer_slates", REVISION, "versions.setBy");
    }

    /** The export also finds documents by the addresses the person was invited with. */
    @Bean
    PersonalDataEmails colleagueEmails(ColleagueErasure colleagues) {
        return colleagues::invitedEmailsOf;
    }
}
