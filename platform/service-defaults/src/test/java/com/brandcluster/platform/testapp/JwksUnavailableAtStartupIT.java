package com.brandcluster.platform.testapp;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.TestTokens;
import com.brandcluster.testsupport.TestTokensExtension;

import static com.brandcluster.platform.testapp.ProblemDetailsIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keycloak is down when the service starts: the service starts anyway (nothing is fetched at startup), answers 503
 * while it cannot check tokens, and validates them as soon as the JWK set can be fetched.
 */
@ExtendWith({TestTokensExtension.class, RemoteServiceStub.class, OutputCaptureExtension.class})
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "brandcluster.security.jwks.min-refresh-interval=100ms")
@TestPropertySource(locations = "classpath:testapp/testapp.properties")
class JwksUnavailableAtStartupIT {

    @LocalServerPort
    int port;

    @BeforeAll
    static void keycloakIsDown() {
        TestTokens.jwksAvailable(false);
    }

    @AfterAll
    static void keycloakIsBack() {
        TestTokens.jwksAvailable(true);
    }

    @Test
    void startsWithoutTheJwkSetAndValidatesTokensOnceItIsReachable(CapturedOutput output) {
        Http http = new Http(port);
        String auth = TestTokens.user("u-early").roles(Roles.EXPERT).bearer();

        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        Http.Response unavailable = http.get("/api/test/me", "Authorization", auth);
        assertProblem(unavailable, 503, "authentication-unavailable");
        assertThat(unavailable.header("WWW-Authenticate")).isNull();
        assertThat(unavailable.body()).doesNotContain("127.0.0.1").doesNotContain("certs");
        assertThat(output.getOut()).as("answered by the security chain, not thrown to the container")
                .doesNotContain("Servlet.service()");

        TestTokens.jwksAvailable(true);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(http.get("/api/test/me", "Authorization", auth).status()).isEqualTo(200));
    }
}
