package com.brandcluster.platform.webfluxslice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

/** How the gateway tests its handlers: {@code @WebFluxTest} plus {@code mockJwt()} get the platform's reactive half. */
@WebFluxTest(ReactiveSliceController.class)
@TestPropertySource(properties = "brandcluster.security.issuer-uri=http://localhost:8180/realms/brand-cluster")
class PlatformWebFluxSliceTest {

    @Autowired
    WebTestClient client;

    @Test
    void answersAnonymousWith401Problem() {
        client.get().uri("/slice/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:brandcluster:problem:unauthorized");
    }

    @Test
    void givesHandlersTheCaller() {
        client.mutateWith(mockJwt().jwt(j -> j.subject("adm-1"))
                        .authorities(new SimpleGrantedAuthority("ROLE_alliance-admin")))
                .get().uri("/slice/me").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.subject").isEqualTo("adm-1").jsonPath("$.admin").isEqualTo(true);
    }

    @Test
    void rendersDomainExceptionsAsProblems() {
        client.mutateWith(mockJwt()).get().uri("/slice/missing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Route r-9 was not found.");
    }
}
