package com.brandcluster.platform.privacy;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoOperations;

import static org.assertj.core.api.Assertions.assertThat;

class PrivacyAutoConfigurationTest {

    private final ApplicationContextRunner plain = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrivacyAutoConfiguration.class))
            .withBean(MongoOperations.class, () -> Mockito.mock(MongoOperations.class, Mockito.RETURNS_DEEP_STUBS));

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrivacyAutoConfiguration.class))
            .withBean(MongoOperations.class, () -> Mockito.mock(MongoOperations.class, Mockito.RETURNS_DEEP_STUBS))
            .withBean(PersonalDataHolding.class, () -> PersonalDataHolding.delete("notifications", "userId"));

    @Test
    void aServiceWithoutHoldingsGetsNothing() {
        plain.run(context -> assertThat(context).doesNotHaveBean(PersonalDataDocuments.class)
                .doesNotHaveBean(PersonalDataController.class));
    }

    @Test
    void aServiceWithHoldingsGetsItsDocumentsAndTheExportOnlyWithAPath() {
        web.run(context -> assertThat(context).hasSingleBean(PersonalDataDocuments.class)
                .doesNotHaveBean(PersonalDataController.class).doesNotHaveBean(PersonErasureListener.class));
        web.withPropertyValues("brandcluster.privacy.export-path=/api/test/me/personal-data")
                .run(context -> assertThat(context).hasSingleBean(PersonalDataController.class)
                        .doesNotHaveBean(PersonErasureListener.class));
    }
}
