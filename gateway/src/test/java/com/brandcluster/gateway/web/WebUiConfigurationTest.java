package com.brandcluster.gateway.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class WebUiConfigurationTest {

    @Test
    void pointsToTheApiDocumentationWhenTheAppIsNotPartOfTheBuild() {
        WebTestClient client = WebTestClient.bindToRouterFunction(
                WebUiConfiguration.singlePageApp(new ClassPathResource("static/no-such-index.html"))).build();

        client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page).contains("href=\"/swagger-ui.html\""));
    }

    @Test
    void answersTheAppToHeadAsToGet() {
        WebTestClient client = WebTestClient.bindToRouterFunction(
                WebUiConfiguration.singlePageApp(new ClassPathResource("static/index.html"))).build();

        client.head().uri("/clusters/lighting").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-cache");
        client.post().uri("/clusters/lighting").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/clusters/lighting", "/secretariat/applications/a-1", "/login-help", "/apis"})
    void takesPagesOutsideTheGatewaysOwnPathsForClientRoutes(String path) {
        assertThat(WebUiConfiguration.isClientRoute(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "/api/session", "/actuator/health", "/login", "/logout", "/oauth2/authorization/k",
            "/login/oauth2/code/keycloak", "/openapi/membership-service.json", "/swagger-ui.html",
            "/swagger-ui/index.html", "/v3/api-docs/swagger-config", "/webjars/x", "/assets/app.js", "/favicon.ico",
            "/clusters/logo.svg"})
    void leavesTheGatewaysOwnPathsAndFilesAlone(String path) {
        assertThat(WebUiConfiguration.isClientRoute(path)).isFalse();
    }
}
