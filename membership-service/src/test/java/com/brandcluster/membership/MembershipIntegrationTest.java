package com.brandcluster.membership;

import com.brandcluster.membership.enterprise.UnifiedSocialCreditCode;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.OffsetClock;
import com.brandcluster.testsupport.PlatformInfrastructure;
import com.brandcluster.testsupport.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The membership-service context against MongoDB and RabbitMQ from test-support, with test tokens, and with
 * Keycloak's admin API stubbed (the service's own client is tested in {@code KeycloakUsersClientIT}; the real
 * Keycloak in system-tests). One context, shared by every integration test of this service. The service's clock is
 * {@link #clock}: real time, which a test may move forward instead of waiting (a ballot's closing time), and which is
 * back at real time when the next test starts.
 */
@PlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MembershipIntegrationTest.Time.class)
public abstract class MembershipIntegrationTest {

    /** The service's time. */
    protected static final OffsetClock clock = new OffsetClock();

    protected static final WireMockServer keycloak = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        keycloak.start();
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop));
    }

    @DynamicPropertySource
    static void keycloakAdmin(DynamicPropertyRegistry registry) {
        registry.add("brandcluster.keycloak.admin.base-url", keycloak::baseUrl);
        registry.add("brandcluster.keycloak.admin.client-secret", () -> "test-secret");
        registry.add("brandcluster.keycloak.admin.backoff", () -> "1ms");
        registry.add("brandcluster.keycloak.admin.read-timeout", () -> "1s");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {

        @Bean
        @Primary
        Clock offsetClock() {
            return clock;
        }
    }

    @LocalServerPort
    private int port;

    protected ApiClient api;

    @BeforeEach
    void keycloakAnswers() {
        api = new ApiClient("http://127.0.0.1:" + port);
        keycloak.resetAll();
        keycloak.stubFor(post(urlEqualTo("/realms/brand-cluster/protocol/openid-connect/token"))
                .willReturn(okJson("{\"access_token\":\"service-token\",\"expires_in\":300}")));
        keycloak.stubFor(get(urlPathMatching("/admin/realms/brand-cluster/users/[^/]+"))
                .willReturn(okJson("{\"id\":\"someone\",\"attributes\":{}}")));
        keycloak.stubFor(put(urlPathMatching("/admin/realms/brand-cluster/users/[^/]+"))
                .willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    // --- tokens ---------------------------------------------------------------------------------------------

    protected static String allianceAdmin() {
        return TestTokens.user("alliance-" + UUID.randomUUID()).roles(Roles.ALLIANCE_ADMIN).issue();
    }

    protected static String secretariatOf(String... clusterIds) {
        return TestTokens.user("secretariat-" + UUID.randomUUID()).roles(Roles.SECRETARIAT)
                .secretariatOf(clusterIds).issue();
    }

    protected static String enterpriseUser(String subject, String enterpriseId) {
        TestTokens.Builder token = TestTokens.user(subject).roles(Roles.ENTERPRISE);
        return (enterpriseId == null ? token : token.enterpriseId(enterpriseId)).issue();
    }

    protected static String expert() {
        return TestTokens.user("expert-" + UUID.randomUUID()).roles(Roles.EXPERT).issue();
    }

    // --- data, created through the API like any client would ----------------------------------------------------

    protected static String uniqueSlug(String base) {
        return base + "-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);
    }

    protected static String newCreditCode() {
        StringBuilder first17 = new StringBuilder("9144");
        for (int i = 0; i < 13; i++) {
            first17.append(ThreadLocalRandom.current().nextInt(10));
        }
        return UnifiedSocialCreditCode.withCheckCharacter(first17.toString()).value();
    }

    protected static Map<String, Object> clusterRequest(String id) {
        return Map.of("id", id, "name", "China Lighting Brand Cluster", "industry", "Lighting",
                "region", "Guangdong", "description", "Lighting makers building one brand",
                "foundedOn", "2018-05-20", "memberNumberPrefix", memberNumberPrefix(id),
                "tiers", List.of(
                        Map.of("code", "member", "name", "Member", "rank", 1, "annualFee", 20000,
                                "consultationHoursPerYear", 4, "seatsPerEvent", 2, "assetAccessRank", 1),
                        Map.of("code", "council", "name", "Council member", "rank", 2, "annualFee", 80000,
                                "consultationHoursPerYear", 20, "seatsPerEvent", 5, "assetAccessRank", 2)));
    }

    /** Each test cluster numbers its members in a namespace of its own: {@code lighting-k3x9a} gets {@code TK3X9A}. */
    protected static String memberNumberPrefix(String clusterId) {
        String suffix = clusterId.substring(clusterId.lastIndexOf('-') + 1).toUpperCase(java.util.Locale.ROOT);
        return ("T" + suffix).substring(0, Math.min(8, suffix.length() + 1));
    }

    protected String foundCluster(String id) {
        ApiClient.Response response = api.as(allianceAdmin()).post("/api/membership/clusters", clusterRequest(id));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return id;
    }

    protected static Map<String, Object> enterpriseRequest(String legalName, String creditCode) {
        return Map.of("legalName", legalName, "creditCode", creditCode, "region", "Guangdong",
                "industry", "Lighting", "size", "LARGE", "website", "https://www.example.com",
                "trademarks", List.of("OPAL"),
                "contacts", List.of(Map.of("name", "Li Ming", "role", "Brand manager", "email", "li@example.com")));
    }

    /** Registers an enterprise for a fresh user; returns the enterprise id. */
    protected String registerEnterprise(String subject) {
        ApiClient.Response response = api.as(enterpriseUser(subject, null))
                .post("/api/membership/enterprises", enterpriseRequest("Enterprise " + subject, newCreditCode()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.at("/enterprise/id");
    }

    /** Submits an application of the enterprise to the cluster; returns the application id. */
    protected String apply(String clusterId, String subject, String enterpriseId) {
        ApiClient.Response response = api.as(enterpriseUser(subject, enterpriseId))
                .post("/api/membership/clusters/" + clusterId + "/applications", Map.of("tier", "member"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.at("/id");
    }

    /** The cluster's secretariat approves the application (no body: the requested tier). */
    protected ApiClient.Response approve(String clusterId, String applicationId) {
        ApiClient.Response response = api.as(secretariatOf(clusterId))
                .post("/api/membership/applications/" + applicationId + "/approval", null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    protected static void assertProblem(ApiClient.Response response, int status, String typeSlug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("/status")).isEqualTo(Integer.toString(status));
        assertThat(response.at("/traceId")).isNotBlank();
        if (typeSlug != null) {
            assertThat(response.at("/type")).isEqualTo("urn:brandcluster:problem:" + typeSlug);
        }
    }
}
