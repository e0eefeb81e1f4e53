package com.brandcluster.salons.expert;

import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.PlatformInfrastructure;
import com.brandcluster.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expert-salon-service context against MongoDB and RabbitMQ from test-support, with test tokens. The same
 * configuration as every other integration test of this service (no extra properties), so they share one context.
 */
@PlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ExpertIntegrationTest {

    @LocalServerPort
    private int port;

    protected ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    protected static String newSubject() {
        return "expert-" + UUID.randomUUID();
    }

    protected static String expert(String subject) {
        return TestTokens.user(subject).roles(Roles.EXPERT).issue();
    }

    protected static String enterpriseUser(String enterpriseId) {
        return TestTokens.user("user-" + UUID.randomUUID()).roles(Roles.ENTERPRISE).enterpriseId(enterpriseId).issue();
    }

    protected static String secretariatOf(String... clusterIds) {
        return TestTokens.user("secretariat-" + UUID.randomUUID()).roles(Roles.SECRETARIAT)
                .secretariatOf(clusterIds).issue();
    }

    protected static Map<String, Object> profileRequest(String name) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", name);
        profile.put("title", "Professor of brand management");
        profile.put("organisation", "Zhejiang University");
        profile.put("bio", "Twenty years of brand evaluation for industrial clusters.");
        profile.put("topics", List.of("BRAND_STRATEGY", "BRAND_EVALUATION"));
        profile.put("languages", List.of("zh-CN", "en"));
        profile.put("timeZone", "Asia/Shanghai");
        profile.put("clusters", List.of("lighting"));
        return profile;
    }

    /** Creates a profile for a fresh expert; returns its id (the subject). */
    protected String createExpert(Map<String, Object> profile) {
        String subject = newSubject();
        ApiClient.Response response = api.as(expert(subject)).post("/api/salons/experts", profile);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.at("/id")).isEqualTo(subject);
        return subject;
    }

    protected String createExpert() {
        return createExpert(profileRequest("Expert " + UUID.randomUUID()));
    }

    protected static void assertProblem(ApiClient.Response response, int status, String typeSlug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("/status")).isEqualTo(Integer.toString(status));
        if (typeSlug != null) {
            assertThat(response.at("/type")).isEqualTo("urn:brandcluster:problem:" + typeSlug);
        }
    }
}
