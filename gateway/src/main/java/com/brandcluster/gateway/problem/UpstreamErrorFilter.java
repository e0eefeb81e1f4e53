package com.brandcluster.gateway.problem;

import com.brandcluster.platform.web.Problems;
import com.brandcluster.platform.web.ReactiveProblemWriter;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * A service's own problem details pass through unchanged, whatever their status. Any other 5xx body (an HTML error
 * page, a stack trace, a proxy's text) is dropped and replaced by a problem detail with the same status and type
 * {@code upstream-error}, so nothing of a service's internals reaches a client. Runs just before
 * {@link NettyWriteResponseFilter} writes the body.
 */
@Component
class UpstreamErrorFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UpstreamErrorFilter.class);

    private final ReactiveProblemWriter problems;

    UpstreamErrorFilter(ReactiveProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {

            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return replacesBody() ? replace(exchange, Flux.from(body)) : super.writeWith(body);
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return replacesBody() ? replace(exchange, Flux.from(body).concatMap(Flux::from))
                        : super.writeAndFlushWith(body);
            }

            private boolean replacesBody() {
                HttpStatusCode status = getStatusCode();
                return status != null && status.is5xxServerError() && !isProblemDetail(getHeaders());
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }

    /** {@code exchange} is the undecorated one: the problem goes straight to the client's response. */
    private Mono<Void> replace(ServerWebExchange exchange, Flux<? extends DataBuffer> upstreamBody) {
        ServerHttpResponse response = exchange.getResponse();
        HttpStatusCode status = response.getStatusCode();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route == null ? "the service" : route.getId();
        log.warn("{} answered {} {} with {} and no problem detail; its body was replaced", service,
                exchange.getRequest().getMethod(), exchange.getRequest().getPath(), status.value());
        ProblemDetail problem = Problems.of(status, "upstream-error", Problems.title(status),
                service + " failed to process the request. Quote the traceId when reporting it.");
        problem.setProperty(GatewayErrorHandler.SERVICE, service);
        HttpHeaders headers = response.getHeaders();
        for (String bodyHeader : new String[] { HttpHeaders.CONTENT_ENCODING, HttpHeaders.CONTENT_DISPOSITION,
                HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.ETAG,
                HttpHeaders.LAST_MODIFIED }) {
            headers.remove(bodyHeader);
        }
        headers.setCacheControl("no-store");
        return upstreamBody.doOnNext(DataBufferUtils::release)
                .then(Mono.defer(() -> HttpMethod.HEAD.equals(exchange.getRequest().getMethod())
                        ? response.setComplete()
                        : problems.write(exchange, problem)));
    }

    private static boolean isProblemDetail(HttpHeaders headers) {
        try {
            MediaType contentType = headers.getContentType();
            return contentType != null && MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(contentType);
        }
        catch (RuntimeException invalidMediaType) {
            return false;
        }
    }
}
