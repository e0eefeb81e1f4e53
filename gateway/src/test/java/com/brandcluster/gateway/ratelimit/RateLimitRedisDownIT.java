package com.brandcluster.gateway.ratelimit;

import java.time.Duration;

import com.brandcluster.testsupport.FaultProxy;
import com.brandcluster.testsupport.MongoExtension;
import com.brandcluster.testsupport.RedisExtension;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis behind a {@link FaultProxy}: while it is cut, or slower than {@code spring.data.redis.timeout}, requests pass
 * without limits (fail open), the gateway warns, {@code /actuator/health} is DOWN and readiness stays UP; once Redis is
 * back the limits apply again.
 */
@ExtendWith({ MongoExtension.class, RedisExtension.class, OutputCaptureExtension.class })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "brandcluster.gateway.rate-limit.per-ip.replenish-rate=1",
        "brandcluster.gateway.rate-limit.per-ip.burst-capacity=2" })
class RateLimitRedisDownIT {

    static final FaultProxy redisLink = FaultProxy.to(RedisExtension.host(), RedisExtension.port());
    static final WireMockServer membership = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        membership.start();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", redisLink::host);
        registry.add("spring.data.redis.port", redisLink::port);
        registry.add("brandcluster.gateway.services.membership", membership::baseUrl);
    }

    @AfterAll
    static void stop() {
        redisLink.close();
        membership.stop();
    }

    @BeforeEach
    void limitsApply() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        membership.resetAll();
        membership.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        awaitLimits();
        membership.resetRequests();
    }

    @Test
    void letsRequestsPassWhileRedisIsDownAndLimitsAgainWhenItIsBack(CapturedOutput output) {
        redisLink.cut();
        int requests = 10;
        for (int i = 0; i < requests; i++) {
            client.get().uri("/api/membership/clusters").exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist("X-RateLimit-Ip-Remaining")
                    .expectHeader().doesNotExist("X-RateLimit-Remaining");
        }

        membership.verify(requests, anyRequestedFor(anyUrl()));
        assertThat(output.getOut()).containsOnlyOnce("Redis does not answer: requests pass without the ip rate limit");
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.status").isEqualTo("DOWN");
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk();

        redisLink.restore();
        awaitLimits();
        assertThat(output.getOut()).contains("Redis answers again: the ip rate limit applies again");
    }

    @Test
    void letsRequestsPassWhenRedisAnswersTooSlowly() {
        redisLink.delay(Duration.ofSeconds(5));
        try {
            client.get().uri("/api/membership/clusters").exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist("X-RateLimit-Ip-Remaining");
        }
        finally {
            redisLink.restore();
        }
    }

    /** Until the limits apply (again): Lettuce reconnects on its own schedule after Redis is back. */
    private void awaitLimits() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/api/membership/clusters")
                .exchange()
                .expectHeader().exists("X-RateLimit-Ip-Remaining"));
    }
}
