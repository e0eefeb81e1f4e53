package com.brandcluster.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: the token's subject and the claims the portal's authorisation rules need. Controllers receive it
 * as a parameter ({@code public X approve(@PathVariable String id, Caller caller)}); other code calls
 * {@link Callers#current()}. Checks are per object:
 *
 * <pre>{@code
 * if (!caller.isSecretariatOf(application.clusterId())) throw new ForbiddenException("...");
 * }</pre>
 *
 * @param subject       the token's {@code sub} (an expert is identified by it); null only for {@link #ANONYMOUS}
 * @param username      {@code preferred_username}
 * @param email         {@code email}
 * @param roles         realm roles (without the {@code ROLE_} prefix), see {@link Roles}
 * @param enterpriseId  claim {@code enterprise_id}, the enterprise the person acts for; null when none
 * @param secretariatOf claim {@code secretariat_of}, the cluster ids whose secretariat the person belongs to
 */
public record Caller(@Nullable String subject, @Nullable String username, @Nullable String email, Set<String> roles,
                     @Nullable String enterpriseId, Set<String> secretariatOf) {

    /** An anonymous caller: no subject, no roles, no claims. */
    public static final Caller ANONYMOUS = new Caller(null, null, null, Set.of(), null, Set.of());

    public static final String ENTERPRISE_ID_CLAIM = "enterprise_id";
    public static final String SECRETARIAT_OF_CLAIM = "secretariat_of";
    public static final String USERNAME_CLAIM = "preferred_username";
    public static final String EMAIL_CLAIM = "email";

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        secretariatOf = secretariatOf == null ? Set.of() : Set.copyOf(secretariatOf);
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAllianceAdmin() {
        return hasRole(Roles.ALLIANCE_ADMIN);
    }

    /** Has the secretariat role AND the cluster is one of {@code secretariat_of}. */
    public boolean isSecretariatOf(@Nullable String clusterId) {
        return clusterId != null && hasRole(Roles.SECRETARIAT) && secretariatOf.contains(clusterId);
    }

    public boolean isEnterprise() {
        return hasRole(Roles.ENTERPRISE);
    }

    /** Has the enterprise role AND {@code enterprise_id} is this enterprise. */
    public boolean actsFor(@Nullable String enterpriseId) {
        return enterpriseId != null && isEnterprise() && enterpriseId.equals(this.enterpriseId);
    }

    /** The enterprise the caller acts for: {@code enterprise_id}, when the caller has the enterprise role. */
    public Optional<String> enterprise() {
        return isEnterprise() ? Optional.ofNullable(enterpriseId) : Optional.empty();
    }

    public boolean isExpert() {
        return hasRole(Roles.EXPERT);
    }

    /**
     * The caller of an authentication: roles from its {@code ROLE_*} authorities, claims from its {@link Jwt}
     * principal (a {@code JwtAuthenticationToken} built by the platform or by spring-security-test's {@code jwt()}).
     * Null, unauthenticated and anonymous authentications give {@link #ANONYMOUS}.
     */
    public static Caller from(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || new AuthenticationTrustResolverImpl().isAnonymous(authentication)) {
            return ANONYMOUS;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(Roles.AUTHORITY_PREFIX)) {
                roles.add(name.substring(Roles.AUTHORITY_PREFIX.length()));
            }
        }
        if (authentication.getPrincipal() instanceof Jwt jwt) {
            return new Caller(jwt.getSubject() != null ? jwt.getSubject() : authentication.getName(),
                    jwt.getClaimAsString(USERNAME_CLAIM), jwt.getClaimAsString(EMAIL_CLAIM), roles,
                    blankToNull(jwt.getClaimAsString(ENTERPRISE_ID_CLAIM)),
                    stringSet(jwt.getClaims().get(SECRETARIAT_OF_CLAIM)));
        }
        return new Caller(authentication.getName(), authentication.getName(), null, roles, null, Set.of());
    }

    /** A list of strings, a single string, or nothing; Keycloak writes a single-valued attribute as a string. */
    static Set<String> stringSet(@Nullable Object claim) {
        if (claim instanceof String single) {
            return single.isBlank() ? Set.of() : Set.of(single);
        }
        if (claim instanceof Collection<?> values) {
            Set<String> result = new LinkedHashSet<>();
            for (Object value : values) {
                if (value != null && !value.toString().isBlank()) {
                    result.add(value.toString());
                }
            }
            return result;
        }
        return Set.of();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
