package com.brandcluster.platform.reactivetestapp;

import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.TestTokens;
import com.brandcluster.testsupport.TestTokensExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The reactive twin, as the gateway gets it: JWT validation, Caller, 401/403 and error problem details. */
@ExtendWith(TestTokensExtension.class)
@SpringBootTest(classes = ReactiveTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:reactivetestapp/reactivetestapp.properties")
@AutoConfigureWebTestClient(timeout = "30s")
@AutoConfigureTracing
class ReactiveResourceServerIT {

    @Autowired
    WebTestClient client;

    @Test
    void answersAnAnonymousRequestWith401Problem() {
        client.get().uri("/reactive/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().consumeWith(problem(401, "unauthorized"))
                .jsonPath("$.instance").isEqualTo("/reactive/me");
    }

    @Test
    void givesHandlersTheCallerOfAValidToken() {
        String token = TestTokens.user("u-gw").roles(Roles.SECRETARIAT).secretariatOf("lighting").issue();

        client.get().uri("/reactive/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.subject").isEqualTo("u-gw")
                .jsonPath("$.roles[0]").isEqualTo(Roles.SECRETARIAT)
                .jsonPath("$.secretariatOf[0]").isEqualTo("lighting");
    }

    @Test
    void letsAnonymousCallersReachPublicPaths() {
        client.get().uri("/reactive/public/caller").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.subject").isEmpty();
    }

    @Test
    void answersTheWrongRoleWith403Problem() {
        String token = TestTokens.user("u-ent").roles(Roles.ENTERPRISE).issue();

        client.get().uri("/reactive/admin/stats").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden()
                .expectBody().consumeWith(problem(403, "forbidden"));

        String admin = TestTokens.user("u-adm").roles(Roles.ALLIANCE_ADMIN).issue();
        client.get().uri("/reactive/admin/stats").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void refusesExpiredForeignAndMisaddressedTokens() {
        for (String token : new String[] {
                TestTokens.user("u").expiresIn(Duration.ofMinutes(-1)).issue(),
                TestTokens.signedByAnotherKey("u").issue(),
                TestTokens.user("u").audience("account").issue(),
                TestTokens.user("u").issuer("http://127.0.0.1:1/realms/other").issue()}) {
            client.get().uri("/reactive/me").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .expectBody().consumeWith(problem(401, "invalid-token"));
        }
    }

    @Test
    void answersAnUnknownPathWith404Problem() {
        client.get().uri("/reactive/nothing/here").headers(h -> h.setBearerAuth(TestTokens.user("u").issue()))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().consumeWith(problem(404, "not-found"));
    }

    @Test
    void answersUnsupportedMethodsAndMediaTypes() {
        String token = TestTokens.user("u").issue();
        client.delete().uri("/reactive/echo").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().consumeWith(problem(405, "method-not-allowed"));
        client.post().uri("/reactive/echo").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().consumeWith(problem(415, "unsupported-media-type"));
    }

    @Test
    void mapsDomainExceptionsAndHidesUnexpectedOnes() {
        String token = TestTokens.user("u").issue();
        client.get().uri("/reactive/conflict").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().consumeWith(problem(409, "route-busy"))
                .jsonPath("$.detail").isEqualTo("The route is being reconfigured.");

        client.get().uri("/reactive/boom").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(500)
                .expectBody().consumeWith(problem(500, "internal-error"))
                .consumeWith(result -> assertThat(new String(result.getResponseBody()))
                        .doesNotContain(ReactiveTestController.SECRET).doesNotContain("IllegalStateException"));
    }

    @Test
    void letsTheGatewayWriteItsOwnProblems() {
        client.get().uri("/reactive/bad-gateway").headers(h -> h.setBearerAuth(TestTokens.user("u").issue()))
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().consumeWith(problem(502, "bad-gateway"))
                .jsonPath("$.detail").isEqualTo("The membership service answered with an error.");
    }

    @Test
    void keepsHealthPublic() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    private static Consumer<org.springframework.test.web.reactive.server.EntityExchangeResult<byte[]>> problem(
            int status, String slug) {
        return result -> {
            String body = new String(result.getResponseBody());
            assertThat(result.getResponseHeaders().getContentType()).as(body)
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(body).contains("\"type\":\"urn:brandcluster:problem:" + slug + "\"")
                    .contains("\"status\":" + status)
                    .containsPattern("\"traceId\":\"[0-9a-f]{32}\"");
        };
    }
}
