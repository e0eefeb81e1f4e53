package com.brandcluster.platform.outbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * Stores a trace context as a W3C {@code traceparent} value ({@code 00-<trace id>-<span id>-<flags>}) and restores
 * it, whatever propagation format the tracer is configured with (W3C or B3): the outbox entry outlives the thread
 * that created it, and the relay publishes it under the stored context.
 */
final class TraceContexts {

    private static final Pattern TRACEPARENT =
            Pattern.compile("^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");
    private static final String ZERO_HIGH_BITS = "0000000000000000";

    private TraceContexts() {
    }

    /** The current trace context as a {@code traceparent} value, or null when there is none. */
    static @Nullable String current(@Nullable Tracer tracer) {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        return format(span.context());
    }

    static @Nullable String format(TraceContext context) {
        String traceId = context.traceId();
        String spanId = context.spanId();
        if (traceId == null || spanId == null || spanId.length() != 16
                || (traceId.length() != 16 && traceId.length() != 32)) {
            return null;
        }
        String paddedTraceId = traceId.length() == 16 ? ZERO_HIGH_BITS + traceId : traceId;
        boolean sampled = Boolean.TRUE.equals(context.sampled());
        return "00-" + paddedTraceId + "-" + spanId + "-" + (sampled ? "01" : "00");
    }

    /** The context a {@code traceparent} value describes, or null if the value is absent or malformed. */
    static @Nullable TraceContext parse(Tracer tracer, @Nullable String traceparent) {
        if (traceparent == null) {
            return null;
        }
        Matcher matcher = TRACEPARENT.matcher(traceparent);
        if (!matcher.matches()) {
            return null;
        }
        String traceId = matcher.group(2);
        if (traceId.startsWith(ZERO_HIGH_BITS)) {
            traceId = traceId.substring(16); // a 64-bit trace id, as the tracer wrote it
        }
        boolean sampled = (Integer.parseInt(matcher.group(4), 16) & 1) == 1;
        return tracer.traceContextBuilder().traceId(traceId).spanId(matcher.group(3)).sampled(sampled).build();
    }
}
