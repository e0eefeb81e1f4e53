package com.brandcluster.gateway.problem;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import com.brandcluster.platform.web.RequestTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayErrorHandlerTest {

    private final GatewayErrorHandler handler = new GatewayErrorHandler(null, httpClient(Duration.ofSeconds(10)));

    @Test
    void mapsEveryWayOfNotReachingAServiceTo503() {
        for (Throwable unreachable : new Throwable[] {
                new ConnectException("Connection refused: localhost/127.0.0.1:8081"),
                new ConnectTimeoutException("connection timed out after 2000 ms: salons/10.0.0.7:8083"),
                new UnknownHostException("salons: Name or service not known"),
                new IllegalStateException("wrapped", new ConnectException("Connection refused")) }) {

            ProblemDetail problem = handler.problemFor(routed("expert-salon-service"), unreachable);

            assertThat(problem.getStatus()).isEqualTo(503);
            assertThat(problem.getType()).hasToString("urn:brandcluster:problem:service-unavailable");
            assertThat(problem.getProperties()).containsEntry("service", "expert-salon-service");
            assertThat(problem.getDetail()).doesNotContain("10.0.0.7", "127.0.0.1", "refused", "Name or service");
        }
    }

    @Test
    void mapsAResponseTimeoutTo504NamingTheTimeout() {
        Throwable timeout = new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
                "Response took longer than timeout: PT10S", new TimeoutException("Response took longer than timeout"));

        ProblemDetail problem = handler.problemFor(routed("events-service"), timeout);

        assertThat(problem.getStatus()).isEqualTo(504);
        assertThat(problem.getType()).hasToString("urn:brandcluster:problem:gateway-timeout");
        assertThat(problem.getDetail()).isEqualTo("events-service did not answer in time (10000 ms). Try again later.");
    }

    @Test
    void mapsABrokenUpstreamResponseTo502() {
        for (Throwable broken : new Throwable[] {
                PrematureCloseException.TEST_EXCEPTION,
                new DecoderException("invalid version format: ?Z") }) {

            ProblemDetail problem = handler.problemFor(routed("membership-service"), broken);

            assertThat(problem.getStatus()).isEqualTo(502);
            assertThat(problem.getType()).hasToString("urn:brandcluster:problem:bad-gateway");
            assertThat(problem.getDetail()).doesNotContain("invalid version");
        }
    }

    @Test
    void mapsAnOversizeBodyTo413NamingTheLimit() {
        ProblemDetail problem = handler.problemFor(routed("branding-assets-service"),
                new IllegalStateException("send failed", new RequestTooLargeException(4096)));

        assertThat(problem.getStatus()).isEqualTo(413);
        assertThat(problem.getType()).hasToString("urn:brandcluster:problem:payload-too-large");
        assertThat(problem.getDetail()).isEqualTo("The request body exceeds the limit of 4096 bytes.");
    }

    @ParameterizedTest(name = "Retry-After {0}")
    @CsvSource({ "1, Too many requests; try again in 1 second.", "7, Too many requests; try again in 7 seconds." })
    void mapsARateLimitRefusalTo429NamingTheWait(String retryAfter, String detail) {
        ServerWebExchange exchange = routed("events-service");
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);

        ProblemDetail problem = handler.problemFor(exchange, HttpClientErrorException.create(
                HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", exchange.getResponse().getHeaders(), null, null));

        assertThat(problem.getStatus()).isEqualTo(429);
        assertThat(problem.getType()).hasToString("urn:brandcluster:problem:too-many-requests");
        assertThat(problem.getTitle()).isEqualTo("Too Many Requests");
        assertThat(problem.getDetail()).isEqualTo(detail);
    }

    @Test
    void leavesEveryOtherErrorToThePlatformHandler() {
        ServerWebExchange unrouted = MockServerWebExchange.from(MockServerHttpRequest.delete("/api/nowhere"));

        assertThat(handler.problemFor(unrouted, new ResponseStatusException(HttpStatus.NOT_FOUND))).isNull();
        assertThat(handler.problemFor(unrouted, new ConnectException("not a routed request"))).isNull();
        assertThat(handler.problemFor(routed("membership-service"), new IllegalStateException("a bug"))).isNull();
        assertThat(handler.problemFor(routed("membership-service"),
                new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED))).isNull();
    }

    private static ServerWebExchange routed(String service) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/anything"));
        Route route = Route.async()
                .id(service)
                .uri(URI.create("http://localhost:1"))
                .predicate(ignored -> true)
                .build();
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route);
        return exchange;
    }

    private static HttpClientProperties httpClient(Duration responseTimeout) {
        HttpClientProperties properties = new HttpClientProperties();
        properties.setResponseTimeout(responseTimeout);
        return properties;
    }
}
