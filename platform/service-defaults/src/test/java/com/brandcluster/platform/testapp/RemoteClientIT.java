package com.brandcluster.platform.testapp;

import java.time.Instant;
import java.util.stream.StreamSupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.converter.autoconfigure.ClientHttpMessageConvertersCustomizer;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.openfeign.support.FeignHttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;

import com.brandcluster.platform.feign.RemoteNotFoundException;
import com.brandcluster.platform.feign.RemoteProblemException;
import com.brandcluster.platform.feign.RemoteServiceUnavailableException;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.TestTokens;

import static com.brandcluster.platform.testapp.ProblemDetailsIT.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The platform's Feign defaults against a WireMock stand-in for another service. */
@TestAppIntegrationTest
class RemoteClientIT {

    @Autowired
    RemoteClient remote;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @Autowired
    FeignHttpMessageConverters feignConverters;

    @Autowired
    JsonMapper applicationMapper;

    @Autowired
    ObjectProvider<ClientHttpMessageConvertersCustomizer> clientConverterCustomizers;

    @LocalServerPort
    int port;

    WireMockServer wireMock;

    @BeforeEach
    void setUp() {
        wireMock = RemoteServiceStub.server();
        wireMock.resetAll();
    }

    @AfterEach
    void closeCircuits() {
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void decodesASuccessfulAnswerIgnoringPropertiesItDoesNotKnow() {
        wireMock.stubFor(get("/remote/things/t-1").willReturn(okJson("""
                {"id":"t-1","name":"Lamp","createdAt":"2026-03-01T08:00:00Z","price":"12.50","addedInVersion2":true}""")));

        RemoteClient.Thing thing = remote.thing("t-1");

        assertThat(thing).isEqualTo(new RemoteClient.Thing("t-1", "Lamp", Instant.parse("2026-03-01T08:00:00Z"),
                new RemoteClient.Price(1250)));
    }

    @Test
    void encodesWithTheApplicationsJsonMapper() {
        wireMock.stubFor(post("/remote/things").willReturn(okJson("""
                {"id":"t-2","name":"Kit","createdAt":"2026-03-01T08:00:00Z"}""")));

        remote.create(new RemoteClient.Thing(null, "Kit", Instant.parse("2026-03-01T08:00:00Z"),
                new RemoteClient.Price(999)));

        wireMock.verify(postRequestedFor(urlEqualTo("/remote/things"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(matchingJsonPath("$.createdAt", equalTo("2026-03-01T08:00:00Z")))
                .withRequestBody(matchingJsonPath("$.name", equalTo("Kit")))
                .withRequestBody(matchingJsonPath("$.price", equalTo("9.99"))));
        JacksonJsonHttpMessageConverter json = feignConverters.getConverters().stream()
                .filter(JacksonJsonHttpMessageConverter.class::isInstance)
                .map(JacksonJsonHttpMessageConverter.class::cast)
                .findFirst().orElseThrow();
        assertThat(json.getMapper().deserializationConfig().isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .as("Feign reads tolerantly").isFalse();
        assertThat(applicationMapper.deserializationConfig()
                .isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).as("HTTP bodies are strict").isTrue();
    }

    @Test
    void givesBootsHttpClientsATolerantJsonConverterToo() {
        // what Boot applies to RestClient.Builder / RestTemplateBuilder
        HttpMessageConverters.ClientBuilder builder = HttpMessageConverters.forClient().registerDefaults();
        clientConverterCustomizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        JacksonJsonHttpMessageConverter json = StreamSupport.stream(builder.build().spliterator(), false)
                .filter(JacksonJsonHttpMessageConverter.class::isInstance)
                .map(JacksonJsonHttpMessageConverter.class::cast)
                .findFirst().orElseThrow();

        RemoteClient.Thing thing = json.getMapper().readValue("""
                {"id":"t-5","name":"Flag","price":"1.00","addedInVersion2":true}""", RemoteClient.Thing.class);

        assertThat(thing.price()).isEqualTo(new RemoteClient.Price(100));
    }

    @Test
    void turnsARemote404IntoRemoteNotFoundException() {
        wireMock.stubFor(get("/remote/things/gone").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("""
                        {"type":"urn:brandcluster:problem:not-found","title":"Not Found","status":404,
                         "detail":"Thing gone was not found."}""")));

        assertThatThrownBy(() -> remote.thing("gone"))
                .isInstanceOfSatisfying(RemoteNotFoundException.class, ex -> {
                    assertThat(ex.detail()).isEqualTo("Thing gone was not found.");
                    assertThat(ex.methodKey()).isEqualTo("RemoteClient#thing(String)");
                });
    }

    @Test
    void answersARemote404With404NotWith500() {
        wireMock.stubFor(get("/remote/things/gone").willReturn(aResponse().withStatus(404)));

        Http.Response response = new Http(port).get("/api/test/remote/things/gone",
                "Authorization", TestTokens.user("u-1").roles(Roles.EXPERT).bearer());

        assertProblem(response, 404, "not-found");
    }

    @Test
    void passesARemoteBusinessRefusalOn() {
        wireMock.stubFor(get("/remote/things/locked").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("""
                        {"type":"urn:brandcluster:problem:thing-locked","title":"Thing locked","status":409,
                         "detail":"Thing locked is being edited."}""")));

        assertThatThrownBy(() -> remote.thing("locked"))
                .isInstanceOfSatisfying(RemoteProblemException.class, ex -> {
                    assertThat(ex.status().value()).isEqualTo(409);
                    assertThat(ex.type()).isEqualTo("thing-locked");
                });
        assertThat(circuitBreakers.getAllCircuitBreakers())
                .allSatisfy(breaker -> assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero());
    }

    @Test
    void turnsATimeoutIntoRemoteServiceUnavailableWithoutRetrying() {
        wireMock.stubFor(get("/remote/slow").willReturn(okJson("{\"id\":\"s\"}").withFixedDelay(3_000)));

        assertThatThrownBy(() -> remote.slow())
                .isInstanceOfSatisfying(RemoteServiceUnavailableException.class,
                        ex -> assertThat(ex.reason()).isEqualTo("timeout"));
        wireMock.verify(1, getRequestedFor(urlEqualTo("/remote/slow")));
    }

    @Test
    void answersARemoteTimeoutWith503Problem() {
        wireMock.stubFor(get("/remote/slow").willReturn(okJson("{\"id\":\"s\"}").withFixedDelay(3_000)));

        Http.Response response = new Http(port).get("/api/test/remote/slow",
                "Authorization", TestTokens.user("u-1").roles(Roles.EXPERT).bearer());

        JsonNode problem = assertProblem(response, 503, "service-unavailable");
        assertThat(response.body()).doesNotContain("Read timed out").doesNotContain("127.0.0.1");
        assertThat(problem.get("detail").asString()).isEqualTo(
                "A service this request depends on is unavailable; try again later.");
    }

    @Test
    void retriesAnIdempotentCallThatFailedWith503() {
        wireMock.stubFor(get("/remote/unstable").inScenario("unstable").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        wireMock.stubFor(get("/remote/unstable").inScenario("unstable").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"id\":\"u\",\"name\":\"back\"}")));

        assertThat(remote.unstable().name()).isEqualTo("back");
        wireMock.verify(2, getRequestedFor(urlEqualTo("/remote/unstable")));
    }

    @Test
    void retriesAnIdempotentCallWhoseConnectionWasReset() {
        // two resets: more than the JDK's HttpURLConnection repeats on its own (once), so only a retry gets through
        wireMock.stubFor(get("/remote/unstable").inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("reset once"));
        wireMock.stubFor(get("/remote/unstable").inScenario("reset").whenScenarioStateIs("reset once")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("recovered"));
        wireMock.stubFor(get("/remote/unstable").inScenario("reset").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"id\":\"u\",\"name\":\"back\"}")));

        assertThat(remote.unstable().name()).isEqualTo("back");
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        wireMock.stubFor(get("/remote/unstable").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> remote.unstable())
                .isInstanceOfSatisfying(RemoteServiceUnavailableException.class,
                        ex -> assertThat(ex.reason()).isEqualTo("connection failed"));
        // three attempts; the JDK's HttpURLConnection may repeat each once by itself
        assertThat(wireMock.countRequestsMatching(getRequestedFor(urlEqualTo("/remote/unstable")).build()).getCount())
                .isIn(3, 6);
    }

    @Test
    void opensTheCircuitAfterRepeatedFailuresAndStopsCalling() {
        wireMock.stubFor(get("/remote/flaky").willReturn(aResponse().withStatus(500)));

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> remote.flaky())
                    .isInstanceOfSatisfying(RemoteServiceUnavailableException.class,
                            ex -> assertThat(ex.reason()).isEqualTo("status 500"));
        }
        assertThatThrownBy(() -> remote.flaky())
                .isInstanceOfSatisfying(RemoteServiceUnavailableException.class,
                        ex -> assertThat(ex.reason()).isEqualTo("circuit open"));

        wireMock.verify(4, getRequestedFor(urlEqualTo("/remote/flaky")));
        assertThat(circuitBreakers.getAllCircuitBreakers())
                .anySatisfy(breaker -> assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN));
    }

    @Test
    void relaysTheCallersBearerTokenAndTheTrace() {
        wireMock.stubFor(get("/remote/things/t-3").willReturn(okJson("{\"id\":\"t-3\",\"name\":\"Badge\"}")));
        String token = TestTokens.user("u-relay").roles(Roles.ENTERPRISE).enterpriseId("opal").issue();
        String traceId = "0af7651916cd43dd8448eb211c80319c";

        Http.Response response = new Http(port).get("/api/test/remote/things/t-3", "Authorization", "Bearer " + token,
                "traceparent", "00-" + traceId + "-b7ad6b7169203331-01");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        wireMock.verify(getRequestedFor(urlEqualTo("/remote/things/t-3"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("traceparent", matching("00-" + traceId + "-[0-9a-f]{16}-01")));
    }

    @Test
    void runsTheCallOnTheCallersThreadInsideTheCircuitBreaker() {
        wireMock.stubFor(get("/remote/things/t-6").willReturn(okJson("{\"id\":\"t-6\"}")));

        remote.thing("t-6");

        assertThat(TestApplication.LAST_FEIGN_THREAD.get()).isSameAs(Thread.currentThread());
        assertThat(circuitBreakers.getAllCircuitBreakers()).extracting(CircuitBreaker::getName)
                .anySatisfy(name -> assertThat(name).contains("thing"));
    }

    @Test
    void sendsNoTokenOutsideAUserRequest() {
        wireMock.stubFor(get("/remote/things/t-4").willReturn(okJson("{\"id\":\"t-4\"}")));

        remote.thing("t-4");

        wireMock.verify(getRequestedFor(urlEqualTo("/remote/things/t-4")).withoutHeader("Authorization"));
    }
}
