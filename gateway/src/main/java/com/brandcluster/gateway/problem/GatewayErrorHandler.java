package com.brandcluster.gateway.problem;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;

import com.brandcluster.platform.web.Problems;
import com.brandcluster.platform.web.ReactiveProblemWriter;
import com.brandcluster.platform.web.RequestTooLargeException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's own failures as problem details, ahead of the platform's reactive error handler (order -2), which
 * answers everything else (404 for an unknown path, 405, 500...):
 * <ul>
 * <li>a service that cannot be reached (connection refused, connect timeout, unknown host): <b>503</b>. The request
 * never reached the service, so retrying later is safe, and nothing the service said was wrong;</li>
 * <li>a service that answered something broken (connection closed mid-response, malformed HTTP): <b>502</b>;</li>
 * <li>a service that sent no response headers within the response timeout: <b>504</b>;</li>
 * <li>a request body over the route's limit: <b>413</b>;</li>
 * <li>a request over a rate limit: <b>429</b>, with the {@code Retry-After} and {@code X-RateLimit-*} headers the
 * {@code RequestRateLimiter} filter set.</li>
 * </ul>
 * A service that <em>answered</em> with an error status is {@link UpstreamErrorFilter}'s business, not this one's.
 * Details name the service but never an address or an exception message.
 */
@Component
@Order(-3)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    static final String SERVICE = "service";

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ReactiveProblemWriter problems;
    private final HttpClientProperties httpClient;

    GatewayErrorHandler(ReactiveProblemWriter problems, HttpClientProperties httpClient) {
        this.problems = problems;
        this.httpClient = httpClient;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem = problemFor(exchange, error);
        if (problem == null) {
            return Mono.error(error);
        }
        if (problem.getStatus() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            // The rest of the body is still on its way and will not be read: close the connection after answering,
            // so that neither side reuses a connection with half a request in it.
            exchange.getResponse().getHeaders().setConnection("close");
        }
        return problems.write(exchange, problem);
    }

    /** The problem for a gateway failure; {@code null} for any other error (left to the platform's handler). */
    @Nullable ProblemDetail problemFor(ServerWebExchange exchange, Throwable error) {
        RequestTooLargeException tooLarge = find(error, RequestTooLargeException.class);
        if (tooLarge != null) {
            log.info("Refused a request body over {} bytes for {}", tooLarge.limit(), exchange.getRequest().getPath());
            return problem(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body exceeds the limit of " + tooLarge.limit() + " bytes.", serviceOf(exchange));
        }
        if (find(error, HttpClientErrorException.TooManyRequests.class) != null) {
            log.debug("Refused {} {} over a rate limit", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath());
            String retryAfter = exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
            return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests; try again in "
                    + (retryAfter == null ? "a moment" : retryAfter + (retryAfter.equals("1") ? " second" : " seconds"))
                    + ".", null);
        }
        String service = serviceOf(exchange);
        if (service == null) {
            return null;
        }
        if (find(error, TimeoutException.class) != null || (error instanceof ResponseStatusException statusError
                && statusError.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value())) {
            log.warn("{} did not answer {} {} in time", service, exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath());
            return problem(HttpStatus.GATEWAY_TIMEOUT,
                    service + " did not answer in time" + timeoutOf(exchange) + ". Try again later.", service);
        }
        if (find(error, ConnectException.class) != null || find(error, ConnectTimeoutException.class) != null
                || find(error, UnknownHostException.class) != null
                || find(error, NoRouteToHostException.class) != null) {
            log.warn("{} is unreachable: {}", service, rootCause(error).getClass().getSimpleName());
            return problem(HttpStatus.SERVICE_UNAVAILABLE,
                    service + " is not reachable at the moment. Try again later.", service);
        }
        if (find(error, PrematureCloseException.class) != null || find(error, DecoderException.class) != null) {
            log.warn("{} gave a broken response to {} {}: {}", service, exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), rootCause(error).getClass().getSimpleName());
            return problem(HttpStatus.BAD_GATEWAY, service + " gave an invalid or incomplete response.", service);
        }
        return null;
    }

    static ProblemDetail problem(HttpStatusCode status, String detail, @Nullable String service) {
        ProblemDetail problem = Problems.of(status, Problems.slug(status), Problems.title(status), detail);
        if (service != null) {
            problem.setProperty(SERVICE, service);
        }
        return problem;
    }

    private String timeoutOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object perRoute = route == null ? null : route.getMetadata().get(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR);
        Duration timeout = perRoute instanceof Number millis ? Duration.ofMillis(millis.longValue())
                : httpClient.getResponseTimeout();
        return timeout == null ? "" : " (" + timeout.toMillis() + " ms)";
    }

    private static @Nullable String serviceOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? null : route.getId();
    }

    private static <T extends Throwable> @Nullable T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
