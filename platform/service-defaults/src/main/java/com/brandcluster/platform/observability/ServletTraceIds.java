package com.brandcluster.platform.observability;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.filter.ServerHttpObservationFilter;

/** The trace id of a servlet request: its server observation's span, else the MDC, else a per-request fallback id. */
public final class ServletTraceIds {

    private ServletTraceIds() {
    }

    public static String of(HttpServletRequest request) {
        String traceId = ServerHttpObservationFilter.findObservationContext(request)
                .map(TraceIds::of)
                .orElse(null);
        if (traceId == null) {
            traceId = TraceIds.fromMdc();
        }
        if (traceId == null) {
            Object fallback = request.getAttribute(TraceIds.FALLBACK_ATTRIBUTE);
            if (fallback instanceof String id) {
                return id;
            }
            traceId = TraceIds.newFallbackId();
            request.setAttribute(TraceIds.FALLBACK_ATTRIBUTE, traceId);
        }
        return traceId;
    }
}
