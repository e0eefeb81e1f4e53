package com.brandcluster.gateway.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.brandcluster.testsupport.MongoExtension;
import com.brandcluster.testsupport.OpenApiDocuments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI side of the gateway: Swagger UI over the five committed OpenAPI documents, the single-page app (a test
 * fixture {@code static/index.html} and one hashed file stand in for the portal-ui jar) with its caching and its
 * Content-Security-Policy, all of it for anonymous browsers, while the API paths keep their own rules. No tokens
 * (test-support's token extension would leave its issuer in the system properties for later test classes).
 */
@ExtendWith(MongoExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "brandcluster.gateway.browser.keycloak.issuer-uri=" + WebUiIT.KEYCLOAK_REALM)
class WebUiIT {

    /** Keycloak as the browser sees it, on another origin than the gateway (its own context, too). */
    static final String KEYCLOAK_REALM = "https://login.brandcluster.example:8443/realms/brand-cluster";

    static final List<String> SERVICES = List.of("membership-service", "events-service", "expert-salon-service",
            "branding-assets-service", "notification-service");
    static final String ASSET = "/assets/app-3f9a1c.js";

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void swaggerUiAnswersAnonymouslyAndListsTheFiveServiceDocuments() {
        client.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, ".*/swagger-ui/index.html");
        client.get().uri("/swagger-ui/index.html").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueMatches("Content-Security-Policy", ".*style-src 'self' 'unsafe-inline'.*")
                .expectBody(String.class).value(page -> assertThat(page).contains("swagger-ui"));
        // "Try it out" with a browser session: Swagger UI copies the XSRF-TOKEN cookie into the X-XSRF-TOKEN header
        client.get().uri("/swagger-ui/swagger-initializer.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("XSRF-TOKEN", "X-XSRF-TOKEN"));

        WebTestClient.BodyContentSpec config = client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(SERVICES.size())
                .jsonPath("$['urls.primaryName']").isEqualTo("membership-service");
        for (String service : SERVICES) {
            config.jsonPath("$.urls[?(@.name == '" + service + "')].url").isEqualTo("/openapi/" + service + ".json");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"membership-service", "events-service", "expert-salon-service",
            "branding-assets-service", "notification-service"})
    void servesEachCommittedDocumentItself(String service) throws IOException {
        String committed = Files.readString(OpenApiDocuments.committedFile(service), StandardCharsets.UTF_8);
        client.get().uri("/openapi/" + service + ".json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                .expectBody(String.class).isEqualTo(committed);
        assertThat(committed).contains("\"title\" : \"" + service + " API\"", "\"url\" : \"/\"");
    }

    @Test
    void servesTheAppForTheRootAndEveryClientRouteWithTheStrictPolicy() {
        for (String route : List.of("/", "/clusters/lighting", "/secretariat/lighting/applications",
                "/enterprise/bookings/new")) {
            client.get().uri(route).accept(MediaType.TEXT_HTML, MediaType.ALL).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .expectHeader().valueEquals("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                            + "style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; "
                            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self' "
                            + "https://login.brandcluster.example:8443")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectBody(String.class).value(page -> assertThat(page).contains("data-fixture=\"gateway-test\""));
        }
        // a script's fetch of the root gets the app too; other non-HTML requests get no page
        client.get().uri("/").accept(MediaType.ALL).exchange().expectStatus().isOk();
        client.get().uri("/clusters/lighting").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void servesHashedFilesForAYearAndCompressesThem() throws Exception {
        EntityExchangeResult<byte[]> plain = client.get().uri(ASSET).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable")
                .expectBody().returnResult();
        assertThat(new String(plain.getResponseBody(), StandardCharsets.UTF_8)).contains("export const line59");

        // a plain JDK client, which (unlike WebTestClient's) does not decompress and drop Content-Encoding itself
        try (HttpClient raw = HttpClient.newHttpClient()) {
            for (String path : List.of(ASSET, "/openapi/membership-service.json")) {
                HttpResponse<byte[]> response = raw.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).header("Accept-Encoding", "gzip").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
                assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
                        StandardCharsets.UTF_8)).as(path).isNotEmpty();
            }
        }
    }

    @Test
    void answers404ForAMissingFileInsteadOfTheApp() {
        for (String path : List.of("/assets/app-000000.js", "/missing.png", "/assets/nothing")) {
            client.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isNotFound()
                    .expectBody(String.class).value(body -> assertThat(body).doesNotContain("data-fixture"));
        }
    }

    @Test
    void keepsTheGatewaysOwnPathsOutOfTheAppAndTheirRules() {
        // an API path asked for as a page is still the API: 404 problem, the API policy
        client.get().uri("/api/nowhere").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Content-Security-Policy",
                        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        // who is logged in still needs a login
        client.get().uri("/api/session").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // the actuator is no page either, and its non-public endpoints stay closed
        client.get().uri("/actuator/env").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized();
        // writes to a page path are not let through anonymously
        client.post().uri("/clusters/lighting").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized();
    }
}
