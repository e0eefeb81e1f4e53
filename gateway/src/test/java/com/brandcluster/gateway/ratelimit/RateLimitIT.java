package com.brandcluster.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import com.brandcluster.testsupport.MongoExtension;
import com.brandcluster.testsupport.RedisExtension;
import com.brandcluster.testsupport.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limits against the real Redis ({@link RedisExtension}), with small buckets (a user: 3 requests, an address:
 * 10, one more each per second) in front of a WireMock standing in for every service. The buckets are driven by
 * request count: a test sends requests until the first refusal, so a second passing in between (one more token) does
 * not matter. Each test uses its own subjects and client addresses, and the context its own key prefix.
 * <p>
 * Only {@code 127.0.0.1} is a trusted proxy here: requests to {@code 127.0.0.1} may name their client in
 * {@code X-Forwarded-For}, requests over {@code [::1]} come from an untrusted peer.
 */
@ExtendWith({ MongoExtension.class, RedisExtension.class })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "brandcluster.gateway.rate-limit.per-user.replenish-rate=1",
        "brandcluster.gateway.rate-limit.per-user.burst-capacity=3",
        "brandcluster.gateway.rate-limit.per-ip.replenish-rate=1",
        "brandcluster.gateway.rate-limit.per-ip.burst-capacity=10",
        "spring.cloud.gateway.server.webflux.trusted-proxies=127\\.0\\.0\\.1" })
class RateLimitIT {

    static final int USER_BURST = 3;
    static final int IP_BURST = 10;
    static final int ATTEMPTS = 30;

    static final AtomicInteger addresses = new AtomicInteger();

    static final WireMockServer services = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        services.start();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    /**
     * Tokens of {@link TestTokens}, named here rather than by {@code TestTokensExtension}, whose system properties
     * would outlive this class in the JVM and point later test classes (the real Keycloak's) at the test key set.
     */
    @DynamicPropertySource
    static void tokensAndServices(DynamicPropertyRegistry registry) {
        registry.add("brandcluster.security.issuer-uri", TestTokens::issuerUri);
        registry.add("brandcluster.security.jwk-set-uri", TestTokens::jwkSetUri);
        for (String service : List.of("membership", "events", "salons", "assets", "notifications")) {
            registry.add("brandcluster.gateway.services." + service, services::baseUrl);
        }
    }

    @BeforeEach
    void setUp() {
        services.resetAll();
        services.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        client = clientOf("http://127.0.0.1:" + port);
    }

    @AfterAll
    static void stopServices() {
        services.stop();
    }

    @Test
    void limitsEachUserByItsOwnBucket() {
        String address = freshAddress();
        String exhausted = TestTokens.user("user-" + UUID.randomUUID()).roles("enterprise").bearer();
        String other = TestTokens.user("user-" + UUID.randomUUID()).roles("enterprise").bearer();

        Refusal refusal = untilRefused(request -> request
                .header(HttpHeaders.AUTHORIZATION, exhausted).header("X-Forwarded-For", address));

        assertThat(refusal.allowed()).isGreaterThanOrEqualTo(USER_BURST).isLessThan(IP_BURST - 2);
        assertThat(refusal.response().getResponseHeaders().getFirst("X-RateLimit-User-Remaining")).isEqualTo("0");
        services.verify(refusal.allowed(), anyRequestedFor(anyUrl()));

        // the same address, another user: its own bucket is full
        client.get().uri("/api/events/events")
                .header(HttpHeaders.AUTHORIZATION, other).header("X-Forwarded-For", address)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-User-Burst-Capacity", String.valueOf(USER_BURST))
                .expectHeader().valueEquals("X-RateLimit-User-Remaining", String.valueOf(USER_BURST - 1));
        services.verify(refusal.allowed() + 1, anyRequestedFor(anyUrl()));
        services.verify(1, anyRequestedFor(anyUrl()).withHeader(HttpHeaders.AUTHORIZATION, equalTo(other)));
    }

    @Test
    void refusesWithATooManyRequestsProblemAndRetryAfterWithoutCallingTheService() {
        String token = TestTokens.user("user-" + UUID.randomUUID()).roles("enterprise").bearer();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String address = freshAddress();

        Refusal refusal = untilRefused(request -> request.header(HttpHeaders.AUTHORIZATION, token)
                .header("X-Forwarded-For", address)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        int calls = services.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
        assertThat(calls).isEqualTo(refusal.allowed());

        client.post().uri("/api/salons/consultations")
                .header(HttpHeaders.AUTHORIZATION, token).header("X-Forwarded-For", address)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().valueEquals("X-RateLimit-User-Remaining", "0")
                .expectHeader().valueEquals("X-RateLimit-User-Replenish-Rate", "1")
                .expectHeader().valueEquals("X-RateLimit-User-Burst-Capacity", String.valueOf(USER_BURST))
                .expectHeader().exists("X-RateLimit-Ip-Remaining")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:brandcluster:problem:too-many-requests")
                .jsonPath("$.title").isEqualTo("Too Many Requests")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.detail").isEqualTo("Too many requests; try again in 1 second.")
                .jsonPath("$.instance").isEqualTo("/api/salons/consultations")
                .jsonPath("$.traceId").isEqualTo(traceId);

        services.verify(calls, anyRequestedFor(anyUrl()));
    }

    @Test
    void limitsAnonymousRequestsByTheirAddressOnly() {
        String address = freshAddress();

        client.get().uri("/api/membership/clusters").header("X-Forwarded-For", address).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Ip-Burst-Capacity", String.valueOf(IP_BURST))
                .expectHeader().valueEquals("X-RateLimit-Ip-Remaining", String.valueOf(IP_BURST - 1))
                .expectHeader().doesNotExist("X-RateLimit-User-Remaining");
        Refusal refusal = untilRefused(request -> request.header("X-Forwarded-For", address));

        assertThat(refusal.allowed() + 1).isGreaterThanOrEqualTo(IP_BURST);
        assertThat(refusal.response().getResponseHeaders().getFirst("X-RateLimit-Ip-Remaining")).isEqualTo("0");
        assertThat(refusal.response().getResponseHeaders().getFirst("X-RateLimit-User-Remaining")).isNull();
        services.verify(refusal.allowed() + 1, anyRequestedFor(anyUrl()));

        // another client behind the same proxy has its own bucket
        client.get().uri("/api/membership/clusters").header("X-Forwarded-For", freshAddress()).exchange()
                .expectStatus().isOk();
    }

    @Test
    void limitsTheClientATrustedProxyNamesWhateverTheClientPutInFront() {
        String address = freshAddress();

        Refusal refusal = untilRefused(request -> request
                .header("X-Forwarded-For", freshAddress() + ", " + address));

        assertThat(refusal.allowed()).isGreaterThanOrEqualTo(IP_BURST);
        services.verify(refusal.allowed(), anyRequestedFor(anyUrl()));
    }

    @Test
    void limitsAnUntrustedPeerByItsOwnAddressWhateverItClaims() {
        client = clientOf("http://[::1]:" + port);

        Refusal refusal = untilRefused(request -> request.header("X-Forwarded-For", freshAddress()));

        assertThat(refusal.allowed()).isGreaterThanOrEqualTo(IP_BURST);
        services.verify(refusal.allowed(), anyRequestedFor(anyUrl()));
    }

    @Test
    void leavesTheGatewaysOwnPagesAndTheSessionEndpointUnlimited() {
        String address = freshAddress();
        untilRefused(request -> request.header("X-Forwarded-For", address));

        client.get().uri("/").header("X-Forwarded-For", address).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("X-RateLimit-Ip-Remaining");
        client.get().uri("/api/session").header("X-Forwarded-For", address).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:brandcluster:problem:unauthorized");
        client.get().uri("/actuator/health/readiness").header("X-Forwarded-For", address).exchange()
                .expectStatus().isOk();
    }

    /** Sends GET requests until the first 429 (at most {@link #ATTEMPTS}); how many passed before it. */
    private Refusal untilRefused(UnaryOperator<WebTestClient.RequestHeadersSpec<?>> request) {
        for (int allowed = 0; allowed < ATTEMPTS; allowed++) {
            EntityExchangeResult<byte[]> result = request.apply(client.get().uri("/api/events/events"))
                    .exchange()
                    .expectBody().returnResult();
            if (result.getStatus().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                return new Refusal(allowed, result);
            }
            assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        }
        throw new AssertionError("no request was refused after " + ATTEMPTS);
    }

    /** An address of TEST-NET-3 (RFC 5737) not used before by this context (whose buckets are its own). */
    private static String freshAddress() {
        int next = addresses.incrementAndGet();
        assertThat(next).isLessThan(255);
        return "203.0.113." + next;
    }

    private static WebTestClient clientOf(String baseUrl) {
        return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(10)).build();
    }

    record Refusal(int allowed, EntityExchangeResult<byte[]> response) {
    }
}
