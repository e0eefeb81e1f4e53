package com.brandcluster.platform.feign;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import feign.Capability;
import feign.Client;
import feign.Feign;
import feign.InvocationHandlerFactory;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.circuitbreaker.NoFallbackAvailableException;

/**
 * Makes every Feign client behave the same under failure:
 * <ul>
 * <li>the HTTP call is retried with Resilience4j {@link Retry} where that is safe (see
 * {@link FeignDefaultsProperties.Retry}); retries happen inside the call's circuit breaker;</li>
 * <li>I/O failures (refused, reset, timeouts) become {@link RemoteServiceUnavailableException}, which the circuit
 * breaker records as failures (4xx answers do not count);</li>
 * <li>at the proxy, on the caller's thread: the caller's token is captured for the relay, and the circuit breaker's
 * {@code NoFallbackAvailableException} is unwrapped, so callers see {@link RemoteNotFoundException},
 * {@link RemoteProblemException} or {@link RemoteServiceUnavailableException} (also for an open circuit), never a
 * wrapper that would end as a 500.</li>
 * </ul>
 * Public only because Feign invokes capabilities reflectively.
 */
public final class ResilientCallsCapability implements Capability {

    private static final Logger log = LoggerFactory.getLogger(ResilientCallsCapability.class);

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
    private static final Set<Integer> RETRY_STATUSES = Set.of(502, 503, 504);
    private static final int MAX_BUFFERED_BODY = 16 * 1024;
    /** By name: resilience4j-bulkhead is optional. */
    private static final String BULKHEAD_FULL = "io.github.resilience4j.bulkhead.BulkheadFullException";

    private final RetryRegistry retryRegistry;
    private final RetryConfig retryConfig;

    ResilientCallsCapability(RetryRegistry retryRegistry, FeignDefaultsProperties.Retry retry) {
        this.retryRegistry = retryRegistry;
        this.retryConfig = RetryConfig.custom()
                .maxAttempts(Math.max(1, retry.maxAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(retry.initialWait(), retry.multiplier()))
                .retryExceptions(RetryableStatus.class, RetryableIo.class)
                .build();
    }

    @Override
    public Client enrich(Client client) {
        return (request, options) -> execute(client, request, options);
    }

    @Override
    public InvocationHandlerFactory enrich(InvocationHandlerFactory factory) {
        return (target, dispatch) -> {
            InvocationHandler delegate = factory.create(target, dispatch);
            return (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return delegate.invoke(proxy, method, args);
                }
                BearerTokenRelay.capture();
                try {
                    return delegate.invoke(proxy, method, args);
                }
                catch (NoFallbackAvailableException ex) {
                    throw translate(Feign.configKey(target.type(), method), ex.getCause() != null ? ex.getCause() : ex);
                }
                catch (CallNotPermittedException | RetryableException ex) {
                    throw translate(Feign.configKey(target.type(), method), ex);
                }
            };
        };
    }

    private static Throwable translate(String methodKey, Throwable cause) {
        if (cause instanceof CallNotPermittedException) {
            log.warn("{} not called: its circuit breaker is open", methodKey);
            return new RemoteServiceUnavailableException(methodKey, "circuit open", cause);
        }
        if (BULKHEAD_FULL.equals(cause.getClass().getName())) {
            log.warn("{} not called: too many concurrent calls to it", methodKey);
            return new RemoteServiceUnavailableException(methodKey, "too many concurrent calls", cause);
        }
        if (cause instanceof RetryableException || cause instanceof TimeoutException) {
            log.warn("{} failed: {}", methodKey, cause.toString());
            return new RemoteServiceUnavailableException(methodKey, "timeout or connection failure", cause);
        }
        if (cause instanceof RuntimeException || cause instanceof Error) {
            return cause;
        }
        return new RemoteServiceUnavailableException(methodKey, "call failed", cause);
    }

    private Response execute(Client client, Request request, Request.Options options) throws IOException {
        String methodKey = methodKey(request);
        Retry retry = retryRegistry.retry("feign-" + targetName(request), retryConfig);
        try {
            return Retry.decorateCheckedSupplier(retry, () -> attempt(client, request, options)).get();
        }
        catch (RetryableStatus ex) {
            return ex.response;
        }
        catch (RetryableIo ex) {
            throw unavailable(methodKey, ex.getCause());
        }
        catch (IOException ex) {
            throw unavailable(methodKey, ex);
        }
        catch (RuntimeException | Error ex) {
            throw ex;
        }
        catch (Throwable ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Response attempt(Client client, Request request, Request.Options options) throws IOException {
        boolean idempotent = IDEMPOTENT.contains(request.httpMethod().name());
        Response response;
        try {
            response = client.execute(request, options);
        }
        catch (ConnectException ex) {
            throw new RetryableIo(ex); // refused: nothing was sent, safe for any method
        }
        catch (SocketTimeoutException ex) {
            throw ex; // the call may still be running: never repeated
        }
        catch (IOException ex) {
            if (idempotent) {
                throw new RetryableIo(ex);
            }
            throw ex;
        }
        if (idempotent && RETRY_STATUSES.contains(response.status())) {
            throw new RetryableStatus(buffered(response));
        }
        return response;
    }

    private static Response buffered(Response response) throws IOException {
        if (response.body() == null) {
            return response;
        }
        try (InputStream body = response.body().asInputStream()) {
            return response.toBuilder().body(body.readNBytes(MAX_BUFFERED_BODY)).build();
        }
    }

    private static RemoteServiceUnavailableException unavailable(String methodKey, Throwable cause) {
        String reason = cause instanceof SocketTimeoutException ? "timeout" : "connection failed";
        log.warn("{} failed ({}): {}", methodKey, reason, cause.toString());
        return new RemoteServiceUnavailableException(methodKey, reason, cause);
    }

    private static String methodKey(Request request) {
        var template = request.requestTemplate();
        return template != null && template.methodMetadata() != null
                ? template.methodMetadata().configKey() : request.httpMethod() + " " + request.url();
    }

    private static String targetName(Request request) {
        var template = request.requestTemplate();
        return template != null && template.feignTarget() != null ? template.feignTarget().name() : "default";
    }

    /** A 502/503/504 answer to an idempotent call: retried; after the last attempt its (buffered) response is decoded. */
    private static final class RetryableStatus extends RuntimeException {

        private final transient Response response;

        RetryableStatus(Response response) {
            super("status " + response.status(), null, false, false);
            this.response = response;
        }
    }

    /** An I/O failure that is safe to retry. */
    private static final class RetryableIo extends RuntimeException {

        RetryableIo(IOException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
