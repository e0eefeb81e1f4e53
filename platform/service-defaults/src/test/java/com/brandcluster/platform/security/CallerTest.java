package com.brandcluster.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

    @Test
    void readsSubjectClaimsAndRealmRolesFromAKeycloakToken() {
        Jwt jwt = jwt(Map.of("sub", "5f1c", "preferred_username", "secretariat-lighting", "email", "s@l.example",
                "realm_access", Map.of("roles", List.of("secretariat", "offline_access")),
                "secretariat_of", List.of("lighting")));

        Caller caller = Caller.from(KeycloakJwtValidation.authenticationConverter().convert(jwt));

        assertThat(caller.subject()).isEqualTo("5f1c");
        assertThat(caller.username()).isEqualTo("secretariat-lighting");
        assertThat(caller.email()).isEqualTo("s@l.example");
        assertThat(caller.roles()).containsExactlyInAnyOrder(Roles.SECRETARIAT, "offline_access");
        assertThat(caller.secretariatOf()).containsExactly("lighting");
        assertThat(caller.isAnonymous()).isFalse();
    }

    @Test
    void worksWithTheAuthenticationOfSpringSecurityTestsJwt() {
        // what jwt().authorities(...).jwt(j -> j.claim(...)) builds: roles only as authorities, claims on the Jwt
        Jwt jwt = jwt(Map.of("sub", "u-opal", "enterprise_id", "opal"));
        JwtAuthenticationToken authentication = new JwtAuthenticationToken(jwt,
                List.of(new SimpleGrantedAuthority("ROLE_enterprise"), new SimpleGrantedAuthority("SCOPE_read")));

        Caller caller = Caller.from(authentication);

        assertThat(caller.roles()).containsExactly(Roles.ENTERPRISE);
        assertThat(caller.actsFor("opal")).isTrue();
        assertThat(caller.enterprise()).contains("opal");
    }

    @Test
    void isSecretariatOfAClusterOnlyWithTheRoleAndTheClusterInTheClaim() {
        Caller lighting = caller(List.of(Roles.SECRETARIAT), null, List.of("lighting", "coking-coal"));
        Caller roleOnly = caller(List.of(Roles.SECRETARIAT), null, List.of());
        Caller claimOnly = caller(List.of(Roles.ENTERPRISE), "opal", List.of("lighting"));

        assertThat(lighting.isSecretariatOf("lighting")).isTrue();
        assertThat(lighting.isSecretariatOf("coking-coal")).isTrue();
        assertThat(lighting.isSecretariatOf("zhejiang-made")).isFalse();
        assertThat(lighting.isSecretariatOf(null)).isFalse();
        assertThat(roleOnly.isSecretariatOf("lighting")).isFalse();
        assertThat(claimOnly.isSecretariatOf("lighting")).isFalse();
    }

    @Test
    void actsForItsOwnEnterpriseOnlyWithTheEnterpriseRole() {
        Caller opal = caller(List.of(Roles.ENTERPRISE), "opal", List.of());
        Caller expertWithClaim = caller(List.of(Roles.EXPERT), "opal", List.of());
        Caller newco = caller(List.of(Roles.ENTERPRISE), null, List.of());

        assertThat(opal.actsFor("opal")).isTrue();
        assertThat(opal.actsFor("foshan")).isFalse();
        assertThat(expertWithClaim.actsFor("opal")).isFalse();
        assertThat(expertWithClaim.enterprise()).isEmpty();
        assertThat(newco.enterprise()).isEmpty();
        assertThat(newco.actsFor(null)).isFalse();
    }

    @Test
    void toleratesASingleStringForSecretariatOf() {
        Caller caller = Caller.from(KeycloakJwtValidation.authenticationConverter().convert(jwt(Map.of("sub", "s",
                "realm_access", Map.of("roles", List.of("secretariat")), "secretariat_of", "lighting"))));

        assertThat(caller.isSecretariatOf("lighting")).isTrue();
    }

    @Test
    void answersRoleQuestions() {
        Caller admin = caller(List.of(Roles.ALLIANCE_ADMIN, Roles.EXPERT), null, List.of());

        assertThat(admin.isAllianceAdmin()).isTrue();
        assertThat(admin.isExpert()).isTrue();
        assertThat(admin.isEnterprise()).isFalse();
        assertThat(admin.hasRole(Roles.SECRETARIAT)).isFalse();
    }

    @Test
    void isAnonymousWithoutAnAuthentication() {
        assertThat(Caller.from(null)).isEqualTo(Caller.ANONYMOUS);
        assertThat(Caller.from(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))).isEqualTo(Caller.ANONYMOUS);
        assertThat(Caller.ANONYMOUS.isAnonymous()).isTrue();
        assertThat(Caller.ANONYMOUS.isSecretariatOf("lighting")).isFalse();
    }

    @Test
    void fallsBackToTheNameOfOtherAuthentications() {
        Caller caller = Caller.from(UsernamePasswordAuthenticationToken.authenticated("ops", null,
                AuthorityUtils.createAuthorityList("ROLE_alliance-admin")));

        assertThat(caller.subject()).isEqualTo("ops");
        assertThat(caller.isAllianceAdmin()).isTrue();
    }

    @Test
    void findsTheCallerOfTheCurrentThread() {
        try {
            SecurityContextHolder.getContext().setAuthentication(
                    KeycloakJwtValidation.authenticationConverter().convert(jwt(Map.of("sub", "u-thread",
                            "realm_access", Map.of("roles", List.of("expert"))))));

            assertThat(Callers.current().subject()).isEqualTo("u-thread");
            assertThat(Callers.current().isExpert()).isTrue();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(Callers.current()).isEqualTo(Caller.ANONYMOUS);
    }

    private static Caller caller(List<String> roles, String enterpriseId, List<String> secretariatOf) {
        Map<String, Object> claims = new java.util.HashMap<>();
        claims.put("sub", "someone");
        claims.put("realm_access", Map.of("roles", roles));
        claims.put("secretariat_of", secretariatOf);
        if (enterpriseId != null) {
            claims.put("enterprise_id", enterpriseId);
        }
        return Caller.from(KeycloakJwtValidation.authenticationConverter().convert(jwt(claims)));
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("token").header("alg", "RS256").claims(c -> c.putAll(claims))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }
}
