package com.brandcluster.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Keycloak realm roles ({@code realm_access.roles}) to authorities {@code ROLE_<role>}. Also usable in tests:
 * {@code jwt().jwt(j -> j.claim("realm_access", Map.of("roles", List.of("secretariat"))))
 * .authorities(new KeycloakRealmRolesConverter())}.
 */
public final class KeycloakRealmRolesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String REALM_ACCESS_CLAIM = "realm_access";

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get(REALM_ACCESS_CLAIM);
        if (!(realmAccess instanceof Map<?, ?> access)) {
            return List.of();
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : Caller.stringSet(access.get("roles"))) {
            authorities.add(new SimpleGrantedAuthority(Roles.AUTHORITY_PREFIX + role));
        }
        return authorities;
    }
}
