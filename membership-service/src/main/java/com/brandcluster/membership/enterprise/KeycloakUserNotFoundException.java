package com.brandcluster.membership.enterprise;

import com.brandcluster.platform.web.UnprocessableException;

/** The user is not (or no longer) a user of the realm: deleted meanwhile, or a token of another realm. */
public class KeycloakUserNotFoundException extends UnprocessableException {

    private final String userId;

    public KeycloakUserNotFoundException(String userId) {
        super("user-unknown", "User unknown", "The user does not exist in the identity service.");
        this.userId = userId;
    }

    public String userId() {
        return userId;
    }
}
