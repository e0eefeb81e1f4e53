package com.brandcluster.platform.observability;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/** The trace id of a reactive exchange: its server observation's span, else the MDC, else a per-exchange fallback id. */
public final class ReactiveTraceIds {

    private ReactiveTraceIds() {
    }

    public static String of(ServerWebExchange exchange) {
        String traceId = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(TraceIds::of)
                .orElse(null);
        if (traceId == null) {
            traceId = TraceIds.fromMdc();
        }
        if (traceId == null) {
            traceId = (String) exchange.getAttributes()
                    .computeIfAbsent(TraceIds.FALLBACK_ATTRIBUTE, key -> TraceIds.newFallbackId());
        }
        return traceId;
    }
}
