package com.brandcluster.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.brandcluster.testsupport.FaultProxy;
import com.brandcluster.testsupport.MongoExtension;
import com.brandcluster.testsupport.TestTokens;
import com.brandcluster.testsupport.TestTokensExtension;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.ClassUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway, running on a random port, in front of four WireMock servers standing in for the services (the
 * salons one behind a {@link FaultProxy}, to take it down). Tokens come from {@link TestTokens}; MongoDB (browser
 * sessions, which these API requests never create) from {@link MongoExtension}; no RabbitMQ, no Keycloak.
 */
@ExtendWith({ TestTokensExtension.class, MongoExtension.class })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1500ms",
        "spring.cloud.gateway.server.webflux.httpclient.connect-timeout=1000",
        "brandcluster.gateway.request-size.max=4KB",
        "brandcluster.gateway.request-size.per-service.branding-assets-service=16KB" })
class GatewayIT {

    static final WireMockServer membership = startedWireMock();
    static final WireMockServer events = startedWireMock();
    static final WireMockServer salons = startedWireMock();
    static final WireMockServer assets = startedWireMock();
    static final WireMockServer notifications = startedWireMock();
    static final FaultProxy salonsLink = FaultProxy.to("127.0.0.1", salons.port());

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String INCOMING_TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("brandcluster.gateway.services.membership", membership::baseUrl);
        registry.add("brandcluster.gateway.services.events", events::baseUrl);
        registry.add("brandcluster.gateway.services.salons", () -> "http://" + salonsLink.address());
        registry.add("brandcluster.gateway.services.assets", assets::baseUrl);
        registry.add("brandcluster.gateway.services.notifications", notifications::baseUrl);
    }

    @BeforeEach
    void setUp() {
        for (WireMockServer service : services()) {
            service.resetAll();
        }
        salonsLink.restore();
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterAll
    static void stopServices() {
        salonsLink.close();
        for (WireMockServer service : services()) {
            service.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/api/membership/clusters/lighting/members, membership",
            "/api/events/events/e-1/registrations, events",
            "/api/salons/experts/expert-li/slots, salons",
            "/api/assets/clusters/lighting/kit, assets",
            "/api/notifications/me, notifications" })
    void forwardsEachServicePathAndQueryStringUnchanged(String path, String service) {
        WireMockServer target = service(service);
        String query = "?q=brand%20home&tag=a%2Fb&tag=c&from=2026-05-01T08%3A00%3A00%2B08%3A00&page=2";
        target.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Service", service)
                .withBody("{\"service\":\"" + service + "\"}")));

        // a URI, not a template: the client must not encode the query a second time
        client.get().uri(URI.create("http://localhost:" + port + path + query)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Service", service)
                .expectBody().jsonPath("$.service").isEqualTo(service);

        target.verify(1, getRequestedFor(urlEqualTo(path + query)));
        for (WireMockServer other : services()) {
            if (other != target) {
                other.verify(0, anyRequestedFor(anyUrl()));
            }
        }
    }

    @Test
    void forwardsTheBodyOfAWriteUnchanged() {
        membership.stubFor(post(urlPathEqualTo("/api/membership/applications"))
                .willReturn(aResponse().withStatus(201).withHeader("Location", "/api/membership/applications/a-1")));
        String json = "{\"clusterId\":\"lighting\",\"note\":\"品牌之家\"}";

        client.post().uri("/api/membership/applications")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("enterprise-opal").roles("enterprise").bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/membership/applications/a-1");

        membership.verify(postRequestedFor(urlEqualTo("/api/membership/applications"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalTo(json)));
    }

    @Test
    void relaysTheBearerTokenUnchanged() {
        membership.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)));
        String token = TestTokens.user("secretariat-lighting").roles("secretariat").secretariatOf("lighting").issue();

        client.get().uri("/api/membership/clusters/lighting/applications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk();

        membership.verify(getRequestedFor(urlEqualTo("/api/membership/clusters/lighting/applications"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token)));
    }

    @Test
    void letsAnonymousRequestsThroughSoThatTheServiceDecides() {
        assets.stubFor(get(urlEqualTo("/api/assets/verification/LIGHT-2026-0042"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"valid\":true}")));
        membership.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withHeader("WWW-Authenticate", "Bearer")
                .withBody("{\"type\":\"urn:brandcluster:problem:unauthorized\",\"status\":401}")));

        client.get().uri("/api/assets/verification/LIGHT-2026-0042").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.valid").isEqualTo(true);
        client.get().uri("/api/membership/clusters/lighting/applications").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo("urn:brandcluster:problem:unauthorized");

        assets.verify(getRequestedFor(urlEqualTo("/api/assets/verification/LIGHT-2026-0042"))
                .withHeader(HttpHeaders.AUTHORIZATION, absent()));
        membership.verify(1, getRequestedFor(urlEqualTo("/api/membership/clusters/lighting/applications")));
    }

    static List<String> refusedTokens() {
        return List.of(
                TestTokens.user("enterprise-opal").roles("enterprise").expiresIn(Duration.ofMinutes(-5)).issue(),
                TestTokens.user("enterprise-opal").roles("enterprise").audience("another-api").issue(),
                TestTokens.user("enterprise-opal").roles("enterprise").issuer("http://127.0.0.1:1/realms/evil").issue(),
                TestTokens.signedByAnotherKey("enterprise-opal").roles("enterprise").issue(),
                "not-a-jwt");
    }

    @ParameterizedTest(name = "[{index}] expired, wrong audience, wrong issuer, foreign key, garbage")
    @MethodSource("refusedTokens")
    void refusesAnInvalidTokenWithoutCallingTheService(String token) {
        membership.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        client.get().uri("/api/membership/clusters/lighting")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                        challenge -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"))
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.type").value(String.class,
                        type -> assertThat(type).startsWith("urn:brandcluster:problem:"))
                .jsonPath("$.traceId").isNotEmpty();

        membership.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void answers503WhenAServiceIsUnreachableAndRecoversWhenItIsBack() {
        salons.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
        client.get().uri("/api/salons/salons").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("[]");
        salonsLink.cut();

        client.get().uri("/api/salons/salons").header("traceparent", INCOMING_TRACEPARENT).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:brandcluster:problem:service-unavailable")
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.service").isEqualTo("expert-salon-service")
                .jsonPath("$.instance").isEqualTo("/api/salons/salons")
                .jsonPath("$.traceId").isEqualTo(TRACE_ID)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .contains("expert-salon-service").doesNotContain("127.0.0.1").doesNotContain("refused"));

        salonsLink.restore();
        client.get().uri("/api/salons/salons").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("[]");
    }

    @Test
    void answers504WhenAServiceIsTooSlow() {
        events.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(4_000)));

        client.get().uri("/api/events/events").exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:brandcluster:problem:gateway-timeout")
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.service").isEqualTo("events-service")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("1500 ms"))
                .jsonPath("$.traceId").isNotEmpty();
    }

    @Test
    void answers502WhenAServiceBreaksOffItsResponse() {
        events.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        client.get().uri("/api/events/events/e-1").exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:brandcluster:problem:bad-gateway")
                .jsonPath("$.service").isEqualTo("events-service");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "409", "422", "503" })
    void passesTheServicesOwnProblemDetailsThroughUnchanged(int status) {
        String problem = "{\"type\":\"urn:brandcluster:problem:slot-taken\",\"title\":\"Slot taken\",\"status\":"
                + status + ",\"detail\":\"The slot is booked.\",\"traceId\":\"abc\",\"slotId\":\"s-9\"}";
        salons.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(problem)));

        byte[] body = client.post().uri("/api/salons/consultations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(problem);
    }

    @Test
    void replacesAServicesHtmlErrorPageSoThatNoStackTraceLeaks() {
        membership.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/html;charset=utf-8")
                .withBody("<html><body><h1>Whitelabel Error Page</h1><pre>java.lang.IllegalStateException: "
                        + "mongo password=secret\n\tat com.brandcluster.membership.Foo.bar(Foo.java:42)"
                        + "</pre></body></html>")));

        byte[] body = client.get().uri("/api/membership/clusters").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:brandcluster:problem:upstream-error")
                .jsonPath("$.status").isEqualTo(500)
                .jsonPath("$.service").isEqualTo("membership-service")
                .jsonPath("$.traceId").isNotEmpty()
                .returnResult().getResponseBody();

        assertThat(new String(body, StandardCharsets.UTF_8))
                .doesNotContain("Exception", "password", "Foo.java", "<html");
    }

    @Test
    void answersAProblemForAnUnknownPath() {
        client.get().uri("/api/unknown/things").header("traceparent", INCOMING_TRACEPARENT).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:brandcluster:problem:not-found")
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.instance").isEqualTo("/api/unknown/things")
                .jsonPath("$.traceId").isEqualTo(TRACE_ID);

        client.get().uri("/elsewhere")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("alliance-admin").roles("alliance-admin").bearer())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:brandcluster:problem:not-found");
    }

    @Test
    void refusesADeclaredOversizeBodyWith413WithoutCallingTheService() {
        membership.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)));

        client.post().uri("/api/membership/enterprises")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(jsonOfSize(5 * 1024))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.CONNECTION, "close")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:brandcluster:problem:payload-too-large")
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").isEqualTo("The request body exceeds the limit of 4096 bytes.");

        membership.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAChunkedOversizeBodyWith413() {
        membership.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)));
        Flux<DataBuffer> chunks = Flux.range(0, 10)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[1024]));

        client.post().uri("/api/membership/enterprises")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:brandcluster:problem:payload-too-large");
    }

    @Test
    void appliesAServicesOwnLimitToItsRoute() {
        assets.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(201)));

        client.post().uri("/api/assets/clusters/lighting/assets")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(jsonOfSize(12 * 1024))
                .exchange()
                .expectStatus().isCreated();
        client.post().uri("/api/assets/clusters/lighting/assets")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(jsonOfSize(17 * 1024))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);

        assets.verify(1, postRequestedFor(urlEqualTo("/api/assets/clusters/lighting/assets")));
    }

    @Test
    void setsSecurityHeadersOnProxiedAnswersAndOnItsOwnProblems() {
        membership.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("X-Frame-Options", "SAMEORIGIN")
                .withHeader("Content-Type", "application/json")
                .withBody("{}")));

        for (String path : List.of("/api/membership/clusters", "/api/nothing-here")) {
            client.get().uri(path).exchange()
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueEquals("Content-Security-Policy",
                            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
                    .expectHeader().doesNotExist("Strict-Transport-Security");
        }
        client.get().uri("/api/membership/clusters").header("X-Forwarded-Proto", "https").exchange()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void continuesTheCallersTraceTowardsTheService() {
        events.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)));

        client.get().uri("/api/events/events").header("traceparent", INCOMING_TRACEPARENT).exchange()
                .expectStatus().isOk();
        client.get().uri("/api/events/events?fresh").exchange().expectStatus().isOk();

        List<LoggedRequest> joined = events.findAll(getRequestedFor(urlEqualTo("/api/events/events")));
        List<LoggedRequest> started = events.findAll(getRequestedFor(urlEqualTo("/api/events/events?fresh")));
        assertThat(joined).hasSize(1);
        assertThat(started).hasSize(1);
        assertThat(joined.get(0).getHeader("traceparent"))
                .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                .isNotEqualTo(INCOMING_TRACEPARENT);
        assertThat(started.get(0).getHeader("traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
                .doesNotContain(TRACE_ID);
    }

    @Test
    void tellsTheServiceWhereTheRequestCameFromAndDropsClaimsOfUntrustedAddresses() {
        membership.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)));

        client.get().uri("/api/membership/clusters")
                .header("X-Forwarded-For", "203.0.113.9")
                .exchange()
                .expectStatus().isOk();

        membership.verify(getRequestedFor(urlEqualTo("/api/membership/clusters"))
                .withHeader("X-Forwarded-For", matching("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1"))
                .withHeader("X-Forwarded-Proto", equalTo("http"))
                .withHeader("X-Forwarded-Host", equalTo("localhost:" + port))
                .withHeader("X-Forwarded-Port", equalTo(String.valueOf(port)))
                .withHeader("X-Forwarded-Prefix", absent()));
    }

    @Test
    void exposesPublicLivenessReadinessAndPrometheus() {
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            client.get().uri(probe).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
        client.get().uri("/api/membership/clusters").exchange();
        client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("http_server_requests_seconds_count")
                        .contains("spring_cloud_gateway_requests_seconds_count"));
    }

    @Test
    void keepsApiRequestsStatelessAndNeedsNoRabbitMq() {
        membership.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        client.get().uri("/api/membership/clusters").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        client.post().uri("/api/membership/applications")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("enterprise-opal").roles("enterprise").bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);

        assertThat(MongoExtension.database().getCollection("sessions").countDocuments()).isZero();
        assertThat(ClassUtils.isPresent("org.springframework.amqp.rabbit.core.RabbitTemplate", null)).isFalse();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    private static String jsonOfSize(int bytes) {
        char[] filler = new char[bytes - "{\"x\":\"\"}".length()];
        Arrays.fill(filler, 'x');
        return "{\"x\":\"" + new String(filler) + "\"}";
    }

    private static WireMockServer service(String name) {
        return Map.of("membership", membership, "events", events, "salons", salons, "assets", assets,
                "notifications", notifications).get(name);
    }

    private static List<WireMockServer> services() {
        return List.of(membership, events, salons, assets, notifications);
    }

    private static WireMockServer startedWireMock() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(8));
        server.start();
        return server;
    }
}
