package com.brandcluster.platform.testapp;

import com.brandcluster.platform.web.HttpJsonAutoConfiguration;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error path of a servlet service answers an RFC 9457 problem detail with a traceId, and leaks nothing. */
@TestAppIntegrationTest
class ProblemDetailsIT {

    private static final String JSON = "application/json";
    private static final String VALID_MEMBER = """
            {"name":"Opal Lighting","email":"office@opal.example","seats":2,"address":{"city":"Zhongshan"}}""";

    @LocalServerPort
    int port;

    Http http;
    String auth;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        auth = TestTokens.user("u-1").roles(Roles.ENTERPRISE).enterpriseId("opal").bearer();
    }

    @Test
    void acceptsAValidBody() {
        Http.Response response = http.post("/api/test/members", JSON, VALID_MEMBER, "Authorization", auth);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("name").asString()).isEqualTo("Opal Lighting");
    }

    @Test
    void listsEveryInvalidFieldOfABody() {
        Http.Response response = http.post("/api/test/members", JSON,
                """
                {"name":" ","email":"not-an-address","seats":0,"address":{"city":""}}""", "Authorization", auth);

        JsonNode problem = assertProblem(response, 400, "validation");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("name", "email", "seats", "address.city");
        assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();
    }

    @Test
    void refusesAnUnknownPropertyAndNamesIt() {
        Http.Response response = http.post("/api/test/members", JSON,
                """
                {"name":"Opal","email":"office@opal.example","seats":2,"memberNumber":"LIGHT-2026-0001"}""",
                "Authorization", auth);

        JsonNode problem = assertProblem(response, 400, "unknown-property");
        assertThat(problem.get("detail").asString()).contains("memberNumber");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("memberNumber");
    }

    @Test
    void namesAnUnknownPropertyOfANestedObjectByItsPath() {
        Http.Response response = http.post("/api/test/members", JSON,
                """
                {"name":"Opal","email":"office@opal.example","seats":2,"address":{"city":"Zhongshan","zip":"528400"}}""",
                "Authorization", auth);

        JsonNode problem = assertProblem(response, 400, "unknown-property");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("address.zip");
    }

    @Test
    void refusesUnreadableJsonWithoutEchoingTheParserMessage() {
        Http.Response response = http.post("/api/test/members", JSON, "{\"name\": \"Opal\",", "Authorization", auth);

        JsonNode problem = assertProblem(response, 400, "malformed-body");
        assertThat(response.body()).doesNotContain("Unexpected").doesNotContain("line:").doesNotContain("tools.jackson");
        assertThat(problem.get("detail").asString()).isEqualTo("The request body is missing or is not valid JSON.");
    }

    @Test
    void refusesDeeplyNestedArraysCheaply() {
        // the test application's request limit is 4 KB: the services' fuzzers send up to 25,000 levels
        Http.Response response = http.post("/api/test/documents", JSON, "[".repeat(4_000), "Authorization", auth);

        assertProblem(response, 400, "malformed-body");
    }

    @Test
    void refusesDeeplyNestedObjectsCheaply() {
        Http.Response response = http.post("/api/test/documents", JSON, "{\"a\":".repeat(800), "Authorization", auth);

        assertProblem(response, 400, "malformed-body");
    }

    @Test
    void readsJsonNestedUpToTheLimitAndRefusesOneLevelMore() {
        int limit = HttpJsonAutoConfiguration.REQUEST_CONSTRAINTS.getMaxNestingDepth();

        Http.Response atLimit = http.post("/api/test/documents", JSON, "[".repeat(limit) + "]".repeat(limit),
                "Authorization", auth);
        Http.Response beyond = http.post("/api/test/documents", JSON, "[".repeat(limit + 1) + "]".repeat(limit + 1),
                "Authorization", auth);

        assertThat(atLimit.status()).as(atLimit.toString()).isEqualTo(200);
        assertProblem(beyond, 400, "malformed-body");
    }

    @Test
    void refusesANumberLongerThanTheLimit() {
        String digits = "9".repeat(HttpJsonAutoConfiguration.REQUEST_CONSTRAINTS.getMaxNumberLength() + 1);

        assertProblem(http.post("/api/test/documents", JSON, "{\"n\":" + digits + "}", "Authorization", auth), 400,
                "malformed-body");
    }

    @Test
    void answersARequestTomcatRefusesBeforeAnyServletWithAProblem() {
        Http.Response response = http.get("/api/test/members/a%2F..%2Fb", "Authorization", auth);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:brandcluster:problem:bad-request");
        assertThat(response.body()).doesNotContain("<html", "Tomcat");
    }

    @Test
    void refusesAMalformedMultipartBodyWith400() {
        Http.Response response = http.post("/api/test/members", "multipart/form-data", "--x\r\n\r\n",
                "Authorization", auth);

        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void namesAFieldOfTheWrongType() {
        Http.Response response = http.post("/api/test/members", JSON,
                """
                {"name":"Opal","email":"office@opal.example","seats":"many"}""", "Authorization", auth);

        JsonNode problem = assertProblem(response, 400, "validation");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("seats");
    }

    @Test
    void validatesPathVariables() {
        JsonNode problem = assertProblem(http.get("/api/test/members/ABCDEFGH", "Authorization", auth), 400,
                "validation");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("number");

        JsonNode proxied = assertProblem(http.get("/api/test/validated/members/ABCDEFGH", "Authorization", auth), 400,
                "validation");
        assertThat(proxied.get("errors").get(0).get("field").asString()).isEqualTo("number");

        JsonNode mismatch = assertProblem(http.get("/api/test/seats/lots", "Authorization", auth), 400, "validation");
        assertThat(mismatch.get("errors").get(0).get("field").asString()).isEqualTo("count");
    }

    @Test
    void answersAnUnknownPathWith404() {
        JsonNode problem = assertProblem(http.get("/api/test/no/such/thing", "Authorization", auth), 404, "not-found");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/test/no/such/thing");
    }

    @Test
    void answersAnUnsupportedMethodWith405AndAllow() {
        Http.Response response = http.send("DELETE", "/api/test/members", "Authorization", auth);

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).contains("POST");
    }

    @Test
    void answersAnUnsupportedMediaTypeWith415() {
        Http.Response response = http.post("/api/test/members", "text/plain", "name=Opal", "Authorization", auth);

        JsonNode problem = assertProblem(response, 415, "unsupported-media-type");
        assertThat(problem.get("detail").asString()).contains("application/json");
    }

    @Test
    void refusesABodyOverTheLimitByItsContentLength() {
        String big = "{\"name\":\"" + "x".repeat(5000) + "\",\"email\":\"a@b.example\",\"seats\":1}";

        JsonNode problem = assertProblem(http.post("/api/test/members", JSON, big, "Authorization", auth), 413,
                "payload-too-large");
        assertThat(problem.get("detail").asString()).contains("4096");
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWhileReadingIt() {
        byte[] big = ("{\"name\":\"" + "x".repeat(20_000) + "\",\"email\":\"a@b.example\",\"seats\":1}")
                .getBytes(StandardCharsets.UTF_8);

        Http.Response response = http.postChunked("/api/test/members", JSON, big, "Authorization", auth);

        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void acceptsAChunkedBodyUnderTheLimit() {
        Http.Response response = http.postChunked("/api/test/members", JSON,
                VALID_MEMBER.getBytes(StandardCharsets.UTF_8), "Authorization", auth);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void mapsDomainExceptionsToTheirProblems() {
        JsonNode notFound = assertProblem(http.get("/api/test/domain/not-found", "Authorization", auth), 404,
                "not-found");
        assertThat(notFound.get("detail").asString()).isEqualTo("Cluster atlantis was not found.");
        assertThat(notFound.get("resource").asString()).isEqualTo("Cluster");
        assertThat(notFound.get("id").asString()).isEqualTo("atlantis");

        JsonNode conflict = assertProblem(http.get("/api/test/domain/conflict", "Authorization", auth), 409,
                "slot-taken");
        assertThat(conflict.get("title").asString()).isEqualTo("Slot already booked");

        JsonNode unprocessable = assertProblem(http.get("/api/test/domain/unprocessable", "Authorization", auth), 422,
                "application-not-submitted");
        assertThat(unprocessable.get("detail").asString()).isEqualTo("Only a submitted application can be approved.");
    }

    @Test
    void answersAnUnexpectedExceptionWithAGeneric500() {
        Http.Response response = http.get("/api/test/boom", "Authorization", auth);

        JsonNode problem = assertProblem(response, 500, "internal-error");
        assertThat(problem.get("detail").asString()).doesNotContain("mongodb").contains("traceId");
        assertThat(response.body()).doesNotContain(TestController.SECRET).doesNotContain("IllegalStateException")
                .doesNotContain("at com.");
    }

    @Test
    void answersAnUnreachableDatabaseWith503WithoutEchoingTheDriver() {
        Http.Response response = http.get("/api/test/database-down", "Authorization", auth);

        JsonNode problem = assertProblem(response, 503, "database-unavailable");
        assertThat(problem.get("detail").asString()).isEqualTo(
                "The service cannot reach its database right now; try again later.");
        assertThat(response.body()).doesNotContain(TestController.SECRET).doesNotContain("Timed out");
    }

    @Test
    void answersAFailureOutsideSpringMvcThroughTheErrorController() {
        Http.Response response = http.get(FailingFilter.PATH);

        JsonNode problem = assertProblem(response, 500, "internal-error");
        assertThat(problem.get("instance").asString()).isEqualTo(FailingFilter.PATH);
        assertThat(response.body()).doesNotContain(FailingFilter.SECRET).doesNotContain("IllegalStateException");
    }

    @Test
    void usesTheTraceIdOfTheIncomingTraceparent() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Http.Response response = http.get("/api/test/domain/not-found", "Authorization", auth,
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

        assertThat(assertProblem(response, 404, "not-found").get("traceId").asString()).isEqualTo(traceId);
    }

    static JsonNode assertProblem(Http.Response response, int status, String typeSlug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:brandcluster:problem:" + typeSlug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("traceId").asString()).matches("[0-9a-f]{32}");
        return problem;
    }
}
