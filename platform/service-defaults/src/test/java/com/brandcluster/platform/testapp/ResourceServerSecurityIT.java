package com.brandcluster.platform.testapp;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.TestTokens;

import static com.brandcluster.platform.testapp.ProblemDetailsIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Bearer tokens validated against the (test) Keycloak JWKS: issuer, audience, expiry, signature; 401/403 problems. */
@TestAppIntegrationTest
class ResourceServerSecurityIT {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void answersAnAnonymousRequestWith401Problem() {
        Http.Response response = http.get("/api/test/me");

        JsonNode problem = assertProblem(response, 401, "unauthorized");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/test/me");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void letsAnonymousCallersReachPublicEndpointsAsAnonymous() {
        Http.Response response = http.get("/api/test/public/caller");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("subject").isNull()).isTrue();
        assertThat(response.json().get("roles")).isEmpty();
    }

    @Test
    void givesControllersTheCallerOfAValidToken() {
        String token = TestTokens.user("5f1c-42").username("secretariat-lighting").email("sec@lighting.example")
                .roles(Roles.SECRETARIAT).secretariatOf("lighting", "coking-coal").issue();

        Http.Response response = http.get("/api/test/me", "Authorization", "Bearer " + token);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode caller = response.json();
        assertThat(caller.get("subject").asString()).isEqualTo("5f1c-42");
        assertThat(caller.get("username").asString()).isEqualTo("secretariat-lighting");
        assertThat(caller.get("email").asString()).isEqualTo("sec@lighting.example");
        assertThat(caller.get("roles").valueStream().map(JsonNode::asString)).containsExactly(Roles.SECRETARIAT);
        assertThat(caller.get("secretariatOf").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("lighting", "coking-coal");
        assertThat(caller.get("enterpriseId").isNull()).isTrue();
    }

    @Test
    void readsTheEnterpriseOfAnEnterpriseUser() {
        String token = TestTokens.user("u-opal").roles(Roles.ENTERPRISE).enterpriseId("opal").issue();

        JsonNode caller = http.get("/api/test/me", "Authorization", "Bearer " + token).json();

        assertThat(caller.get("enterpriseId").asString()).isEqualTo("opal");
        assertThat(caller.get("roles").valueStream().map(JsonNode::asString)).containsExactly(Roles.ENTERPRISE);
    }

    @Test
    void answersTheWrongRoleWith403Problem() {
        String token = TestTokens.user("u-2").roles(Roles.ENTERPRISE).enterpriseId("opal").issue();

        assertProblem(http.get("/api/test/admin", "Authorization", "Bearer " + token), 403, "forbidden");
    }

    @Test
    void letsTheRightRoleThrough() {
        String token = TestTokens.user("u-admin").roles(Roles.ALLIANCE_ADMIN).issue();

        assertThat(http.get("/api/test/admin", "Authorization", "Bearer " + token).status()).isEqualTo(200);
    }

    @Test
    void decidesPerObjectWhichClustersASecretariatMayTouch() {
        String lighting = TestTokens.user("u-sec").roles(Roles.SECRETARIAT).secretariatOf("lighting").bearer();
        String roleWithoutCluster = TestTokens.user("u-sec2").roles(Roles.SECRETARIAT).bearer();
        String clusterWithoutRole = TestTokens.user("u-ent").roles(Roles.ENTERPRISE).secretariatOf("lighting").bearer();

        assertThat(http.get("/api/test/clusters/lighting/applications", "Authorization", lighting).status())
                .isEqualTo(200);
        assertProblem(http.get("/api/test/clusters/coking-coal/applications", "Authorization", lighting), 403,
                "forbidden");
        assertProblem(http.get("/api/test/clusters/lighting/applications", "Authorization", roleWithoutCluster), 403,
                "forbidden");
        assertProblem(http.get("/api/test/clusters/lighting/applications", "Authorization", clusterWithoutRole), 403,
                "forbidden");
    }

    @Test
    void refusesAnExpiredToken() {
        String token = TestTokens.user("u-3").roles(Roles.EXPERT).expiresIn(Duration.ofMinutes(-5)).issue();

        Http.Response response = http.get("/api/test/me", "Authorization", "Bearer " + token);

        JsonNode problem = assertProblem(response, 401, "invalid-token");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(problem.get("detail").asString()).doesNotContain("expired at");
    }

    @Test
    void refusesATokenForAnotherAudience() {
        String token = TestTokens.user("u-4").roles(Roles.EXPERT).audience("account").issue();

        assertProblem(http.get("/api/test/me", "Authorization", "Bearer " + token), 401, "invalid-token");
    }

    @Test
    void refusesATokenWithoutAudience() {
        String token = TestTokens.user("u-4b").roles(Roles.EXPERT).audience().issue();

        assertProblem(http.get("/api/test/me", "Authorization", "Bearer " + token), 401, "invalid-token");
    }

    @Test
    void refusesATokenOfAnotherIssuer() {
        String token = TestTokens.user("u-5").roles(Roles.EXPERT)
                .issuer("http://127.0.0.1:1/realms/somebody-else").issue();

        assertProblem(http.get("/api/test/me", "Authorization", "Bearer " + token), 401, "invalid-token");
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        String token = TestTokens.signedByAnotherKey("u-6").roles(Roles.ALLIANCE_ADMIN).issue();

        assertProblem(http.get("/api/test/me", "Authorization", "Bearer " + token), 401, "invalid-token");
    }

    @Test
    void refusesGarbageInsteadOfAToken() {
        assertProblem(http.get("/api/test/me", "Authorization", "Bearer not.a.jwt"), 401, "invalid-token");
    }

    @Test
    void keepsHealthInfoAndPrometheusPublic() {
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/info").status()).isEqualTo(200);
        Http.Response prometheus = http.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("http_server_requests");
    }

    @Test
    void keepsOtherActuatorEndpointsClosed() {
        assertThat(http.get("/actuator/env").status()).isIn(401, 404);
        String admin = TestTokens.user("u-admin").roles(Roles.ALLIANCE_ADMIN).bearer();
        assertThat(http.get("/actuator/env", "Authorization", admin).status()).isEqualTo(404);
    }

    @Test
    void createsNoSession() {
        String token = TestTokens.user("u-7").roles(Roles.EXPERT).bearer();

        Http.Response response = http.get("/api/test/me", "Authorization", token);

        assertThat(response.header("Set-Cookie")).isNull();
    }
}
