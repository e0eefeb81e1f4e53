package com.brandcluster.platform.security;

import reactor.core.publisher.Mono;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

/** The reactive counterpart of {@link Callers}, for WebFlux code (the gateway). */
public final class ReactiveCallers {

    private ReactiveCallers() {
    }

    /** The caller of the subscriber's security context; {@link Caller#ANONYMOUS} when there is none. */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Caller::from)
                .defaultIfEmpty(Caller.ANONYMOUS);
    }
}
