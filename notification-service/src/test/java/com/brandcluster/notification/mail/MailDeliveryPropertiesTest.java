package com.brandcluster.notification.mail;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailDeliveryPropertiesTest {

    static MailDeliveryProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("brandcluster.mail", MailDeliveryProperties.class);
    }

    @Test
    void defaultsSendAsTheNoReplyAddressAndRetryTenTimesOverAboutFourHours() {
        MailDeliveryProperties defaults = bind(Map.of());

        assertThat(defaults.from()).isEqualTo("Brand Cluster Portal <no-reply@brandcluster.local>");
        assertThat(defaults.maxAttempts()).isEqualTo(10);
        assertThat(defaults.retention()).isEqualTo(Duration.ofDays(30));
        Duration total = Duration.ZERO;
        for (int failed = 1; failed < defaults.maxAttempts(); failed++) {
            total = total.plus(defaults.backoffAfter(failed));
        }
        assertThat(total).isEqualTo(Duration.ofMinutes(1 + 2 + 4 + 8 + 16 + 32 + 60 + 60 + 60));
    }

    @Test
    void theBackoffGrowsByTheMultiplierUpToTheMaximum() {
        MailDeliveryProperties properties = bind(Map.of("brandcluster.mail.initial-backoff", "30s",
                "brandcluster.mail.backoff-multiplier", "3", "brandcluster.mail.max-backoff", "10m"));

        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(90));
        assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofSeconds(270));
        assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.backoffAfter(400)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void thePreferencesLinkIsUnderThePortalAddress() {
        assertThat(bind(Map.of("brandcluster.mail.portal-url", "https://portal.example/")).preferencesUrl())
                .isEqualTo("https://portal.example/notifications/preferences");
        assertThat(bind(Map.of("brandcluster.mail.portal-url", "https://portal.example")).preferencesUrl())
                .isEqualTo("https://portal.example/notifications/preferences");
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> bind(Map.of("brandcluster.mail.max-attempts", "0")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("max-attempts");
        assertThatThrownBy(() -> bind(Map.of("brandcluster.mail.poll-interval", "0s")))
                .rootCause().hasMessageContaining("poll-interval");
        assertThatThrownBy(() -> bind(Map.of("brandcluster.mail.backoff-multiplier", "0.5")))
                .rootCause().hasMessageContaining("backoff-multiplier");
        assertThatThrownBy(() -> bind(Map.of("brandcluster.mail.initial-backoff", "2h")))
                .rootCause().hasMessageContaining("max-backoff");
        assertThatThrownBy(() -> bind(Map.of("brandcluster.mail.retention", "0d")))
                .rootCause().hasMessageContaining("retention");
        assertThatThrownBy(() -> bind(Map.of("brandcluster.mail.batch-size", "0")))
                .rootCause().hasMessageContaining("batch-size");
    }
}
