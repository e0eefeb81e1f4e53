package com.brandcluster.platform.observability;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Where the current trace id comes from, for problem details and log lines. The servlet and reactive variants
 * ({@link ServletTraceIds}, {@link ReactiveTraceIds}) look at the server request's observation first, then at the
 * logging MDC (Micrometer Tracing puts {@code traceId} there while a span is in scope).
 */
public final class TraceIds {

    /** The MDC key Micrometer Tracing uses, and the problem-detail member name. */
    public static final String KEY = "traceId";

    /** Request/exchange attribute holding the id used when tracing is off, so that one request keeps one id. */
    public static final String FALLBACK_ATTRIBUTE = TraceIds.class.getName() + ".fallback";

    private TraceIds() {
    }

    /** The trace id of the span an observation context carries (as the tracing handler recorded it), if any. */
    public static @Nullable String of(Observation.@Nullable Context context) {
        if (context == null) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
        if (tracing == null) {
            return null;
        }
        Span span = tracing.getSpan();
        return span == null ? null : nonBlank(span.context().traceId());
    }

    /** The trace id in the logging MDC of this thread, if any. */
    public static @Nullable String fromMdc() {
        return nonBlank(MDC.get(KEY));
    }

    /** A random id in the W3C trace-id format (32 hex digits), for requests that have no trace (tracing off). */
    public static String newFallbackId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static @Nullable String nonBlank(@Nullable String value) {
        return value == null || value.isBlank() || value.chars().allMatch(c -> c == '0') ? null : value;
    }
}
