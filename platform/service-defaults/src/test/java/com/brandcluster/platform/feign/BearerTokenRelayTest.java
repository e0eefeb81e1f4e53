package com.brandcluster.platform.feign;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import feign.RequestTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenRelayTest {

    private final BearerTokenRelay relay = new BearerTokenRelay();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void relaysTheTokenOfTheCallingThread() {
        authenticate("token-1");
        RequestTemplate template = new RequestTemplate();

        relay.apply(template);

        assertThat(template.headers().get("Authorization")).containsExactly("Bearer token-1");
    }

    @Test
    void relaysATokenCapturedOnTheCallersThreadWhenTheCallRunsOnAnother() throws Exception {
        authenticate("token-2");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        BearerTokenRelay.capture();
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // what Spring Cloud OpenFeign's circuit breaker does on a pool thread: request attributes, no security context
            RequestTemplate template = CompletableFuture.supplyAsync(() -> {
                RequestContextHolder.setRequestAttributes(attributes);
                try {
                    RequestTemplate onPool = new RequestTemplate();
                    relay.apply(onPool);
                    return onPool;
                }
                finally {
                    RequestContextHolder.resetRequestAttributes();
                }
            }, pool).get();

            assertThat(template.headers().get("Authorization")).containsExactly("Bearer token-2");
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void addsNothingWithoutAUser() {
        RequestTemplate template = new RequestTemplate();

        relay.apply(template);

        assertThat(template.headers()).doesNotContainKey("Authorization");
    }

    @Test
    void leavesAnExplicitAuthorizationAlone() {
        authenticate("token-3");
        RequestTemplate template = new RequestTemplate().header("Authorization", "Basic c2VydmljZTpzZWNyZXQ=");

        relay.apply(template);

        assertThat(template.headers().get("Authorization")).containsExactly("Basic c2VydmljZTpzZWNyZXQ=");
    }

    private static void authenticate(String token) {
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("u")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
    }
}
