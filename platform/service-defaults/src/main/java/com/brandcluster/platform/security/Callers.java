package com.brandcluster.platform.security;

import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of the current thread's request, for code that is not a controller (application services, Feign
 * interceptors). Controllers should take a {@link Caller} parameter instead.
 */
public final class Callers {

    private Callers() {
    }

    /** The caller bound to this thread, or {@link Caller#ANONYMOUS}. */
    public static Caller current() {
        return Caller.from(SecurityContextHolder.getContext().getAuthentication());
    }
}
