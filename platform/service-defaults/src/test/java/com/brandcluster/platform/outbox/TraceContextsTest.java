package com.brandcluster.platform.outbox;

import brave.Tracing;
import brave.propagation.ThreadLocalCurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextsTest {

    private final Tracing tracing = Tracing.newBuilder()
            .currentTraceContext(ThreadLocalCurrentTraceContext.create()).traceId128Bit(true).build();
    private final Tracer tracer = new BraveTracer(tracing.tracer(),
            new BraveCurrentTraceContext(tracing.currentTraceContext()), new BraveBaggageManager());

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void capturesTheCurrentSpanAsATraceparent() {
        Span span = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            assertThat(TraceContexts.current(tracer)).isEqualTo("00-" + span.context().traceId() + "-"
                    + span.context().spanId() + "-01");
        }
        finally {
            span.end();
        }
    }

    @Test
    void capturesNothingWithoutASpanOrATracer() {
        assertThat(TraceContexts.current(tracer)).isNull();
        assertThat(TraceContexts.current(null)).isNull();
    }

    @Test
    void restoresTheTraceIdAndParentSpan() {
        Span span = tracer.nextSpan().name("request").start();
        String traceparent = TraceContexts.format(span.context());
        span.end();

        TraceContext restored = TraceContexts.parse(tracer, traceparent);

        assertThat(restored.traceId()).isEqualTo(span.context().traceId());
        assertThat(restored.spanId()).isEqualTo(span.context().spanId());
        assertThat(restored.sampled()).isTrue();
        Span child = tracer.spanBuilder().setParent(restored).name("relay").start();
        assertThat(child.context().traceId()).isEqualTo(span.context().traceId());
        assertThat(child.context().parentId()).isEqualTo(span.context().spanId());
        child.end();
    }

    @Test
    void keepsA64BitTraceIdAsTheTracerWroteIt() {
        TraceContext context = tracer.traceContextBuilder().traceId("463ac35c9f6413ad").spanId("a2fb4a1d1a96d312")
                .sampled(false).build();

        String traceparent = TraceContexts.format(context);

        assertThat(traceparent).isEqualTo("00-0000000000000000463ac35c9f6413ad-a2fb4a1d1a96d312-00");
        assertThat(TraceContexts.parse(tracer, traceparent).traceId()).isEqualTo("463ac35c9f6413ad");
    }

    @Test
    void ignoresAMalformedTraceparent() {
        assertThat(TraceContexts.parse(tracer, null)).isNull();
        assertThat(TraceContexts.parse(tracer, "b3-whatever")).isNull();
        assertThat(TraceContexts.parse(tracer, "00-xyz-a2fb4a1d1a96d312-01")).isNull();
    }
}
