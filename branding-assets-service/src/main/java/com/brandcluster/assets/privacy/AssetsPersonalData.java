package com.brandcluster.assets.privacy;

import com.brandcluster.platform.privacy.PersonalDataHolding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where branding-assets-service holds personal data (docs/personal-data.md). Download records count in the download
 * report and share links and assets are the cluster's, so they stay, with the person's subject replaced by their
 * pseudonym. Erasure comes with {@code membership.person.erased.v1} (queue {@code branding-assets-service.privacy}).
 */
@Configuration(proxyBeanMethods = false)
class AssetsPersonalData {

    @Bean
    PersonalDataHolding downloadRecordsHoldPersonalData() {
        return PersonalDataHolding.anonymise("downloads", null, "subject");
    }

    @Bean
    PersonalDataHolding shareLinksHoldPersonalData() {
        return PersonalDataHolding.anonymise("shareLinks", null, "createdBy", "revokedBy");
    }

    @Bean
    PersonalDataHolding assetsHoldPersonalData() {
        return PersonalDataHolding.anonymise("assets", "revision", "history.by", "versions.uploadedBy");
    }
}
