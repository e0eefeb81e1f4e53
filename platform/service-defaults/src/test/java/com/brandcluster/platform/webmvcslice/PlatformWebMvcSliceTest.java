package com.brandcluster.platform.webmvcslice;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.brandcluster.platform.security.KeycloakRealmRolesConverter;
import com.brandcluster.platform.security.Roles;

import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How services test their controllers: {@code @WebMvcTest} plus spring-security-test's {@code jwt()}. The slice picks
 * up the platform's filter chain, {@code Caller} resolver and problem details.
 */
@WebMvcTest(SliceController.class)
@TestPropertySource(properties = "brandcluster.security.issuer-uri=http://localhost:8180/realms/brand-cluster")
class PlatformWebMvcSliceTest {

    @Autowired
    MockMvc mvc;

    @Test
    void answersAnonymousWith401Problem() throws Exception {
        mvc.perform(post("/api/slice/clusters/lighting/applications/a-1/approve"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.type").value("urn:brandcluster:problem:unauthorized"))
                .andExpect(jsonPath("$.traceId").value(matchesPattern("[0-9a-f]{32}")));
    }

    @Test
    void givesTheControllerTheCallerFromJwtAuthorities() throws Exception {
        mvc.perform(post("/api/slice/clusters/lighting/applications/a-1/approve").with(secretariatOf("lighting")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvedBy").value("sec-1"));
    }

    @Test
    void mapsRealmRolesWithThePlatformsConverter() throws Exception {
        mvc.perform(post("/api/slice/clusters/lighting/applications/a-1/approve").with(jwt()
                        .jwt(j -> j.subject("sec-2").claim("realm_access", Map.of("roles", List.of(Roles.SECRETARIAT)))
                                .claim("secretariat_of", List.of("lighting")))
                        .authorities(new KeycloakRealmRolesConverter())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvedBy").value("sec-2"));
    }

    @Test
    void answersAnotherClustersSecretariatWith403Problem() throws Exception {
        mvc.perform(post("/api/slice/clusters/lighting/applications/a-1/approve").with(secretariatOf("coking-coal")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:brandcluster:problem:forbidden"))
                .andExpect(jsonPath("$.detail").value("Only the secretariat of lighting approves its applications."));
    }

    @Test
    void answersTheWrongRoleWith403Problem() throws Exception {
        mvc.perform(get("/api/slice/admin").with(secretariatOf("lighting")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:brandcluster:problem:forbidden"));
        mvc.perform(get("/api/slice/admin").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_alliance-admin"))))
                .andExpect(status().isOk());
    }

    @Test
    void rendersDomainExceptionsAndValidationAsProblems() throws Exception {
        mvc.perform(post("/api/slice/clusters/lighting/applications/missing/approve").with(secretariatOf("lighting")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:brandcluster:problem:not-found"));
        mvc.perform(post("/api/slice/notes").with(secretariatOf("lighting"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(post("/api/slice/notes").with(secretariatOf("lighting"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hi\",\"pinned\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:brandcluster:problem:unknown-property"))
                .andExpect(jsonPath("$.errors[0].field").value("pinned"));
    }

    private static JwtRequestPostProcessor secretariatOf(String cluster) {
        return jwt().jwt(j -> j.subject("sec-1").claim("secretariat_of", List.of(cluster)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + Roles.SECRETARIAT));
    }
}
