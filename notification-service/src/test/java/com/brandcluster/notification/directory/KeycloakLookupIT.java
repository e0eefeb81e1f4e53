package com.brandcluster.notification.directory;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.brandcluster.contracts.salons.SalonSessionConfirmed;
import com.brandcluster.notification.NotificationIntegrationTest;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An expert named by an event is unknown to the directory, so the service reads them from (a WireMock) Keycloak: a
 * known expert gets the notification in their language and by e-mail; an expert Keycloak does not know gets nothing;
 * while Keycloak is too slow, the notification reaches their inbox only.
 */
class KeycloakLookupIT extends NotificationIntegrationTest {

    @RegisterExtension
    static WireMockExtension keycloak = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void keycloakUrl(DynamicPropertyRegistry registry) {
        registry.add("brandcluster.notifications.keycloak.url", keycloak::baseUrl);
        // generous against a loaded CI machine (a 404 answered late would count as slow); the slow stub is well beyond it
        registry.add("brandcluster.notifications.keycloak.read-timeout", () -> "2s");
    }

    @Test
    void aKnownExpertIsNotifiedInTheirLanguageAndByEmail() throws Exception {
        String expert = expert(okJson("""
                {"id":"x","username":"expert-li","email":"li@experts.example","firstName":"Li","lastName":"Wei",
                 "attributes":{"locale":["zh-CN"]}}"""));

        String eventId = publishFixture(SalonSessionConfirmed.ROUTING_KEY, Map.of("expertId", expert));

        await().until(() -> notificationOf(expert, eventId) != null);
        assertThat(notificationOf(expert, eventId).getString("subject")).startsWith("环节已确认：");
        assertThat(mail.to("li@experts.example")).singleElement().satisfies(m -> {
            assertThat(m.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
            assertThat(m.recipientName()).isEqualTo("Li Wei");
            assertThat(m.calendar()).isNotNull();
        });
    }

    @Test
    void anExpertKeycloakDoesNotKnowIsNotNotifiedAndASlowKeycloakLeavesTheInboxOnly() throws Exception {
        String unknown = expert(aResponse().withStatus(404));
        String slow = expert(okJson("{\"email\":\"slow@experts.example\"}").withFixedDelay(6_000));

        String unknownEvent = publishFixture(SalonSessionConfirmed.ROUTING_KEY, Map.of("expertId", unknown));
        String slowEvent = publishFixture(SalonSessionConfirmed.ROUTING_KEY, Map.of("expertId", slow));

        await().until(() -> notificationOf(slow, slowEvent) != null);
        assertThat(notificationOf(slow, slowEvent).getString("subject")).startsWith("Session confirmed: ");
        assertThat(mail.to("slow@experts.example")).isEmpty();
        assertThat(notificationsOf(unknown)).as("handled before, in the same queue").isZero();
        assertThat(notificationOf(unknown, unknownEvent)).isNull();
    }

    private static String expert(ResponseDefinitionBuilder answer) {
        String expert = UUID.randomUUID().toString();
        keycloak.stubFor(post(urlEqualTo("/realms/brand-cluster/protocol/openid-connect/token"))
                .willReturn(okJson("{\"access_token\":\"t\",\"expires_in\":300}")));
        keycloak.stubFor(get(urlEqualTo("/admin/realms/brand-cluster/users/" + expert)).willReturn(answer));
        return expert;
    }
}
