package com.brandcluster.platform.security;

/**
 * The Keycloak realm roles of the portal. In Spring Security they are authorities {@code ROLE_<role>}, so
 * {@code @PreAuthorize("hasRole('secretariat')")} and {@code caller.hasRole(Roles.SECRETARIAT)} both work.
 */
public final class Roles {

    public static final String ALLIANCE_ADMIN = "alliance-admin";
    public static final String SECRETARIAT = "secretariat";
    public static final String ENTERPRISE = "enterprise";
    public static final String EXPERT = "expert";

    /** Prefix of the authorities realm roles become. */
    public static final String AUTHORITY_PREFIX = "ROLE_";

    private Roles() {
    }
}
