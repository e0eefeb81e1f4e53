package com.brandcluster.membership.enterprise;

import com.brandcluster.platform.web.ConflictException;

/** The user acts for another enterprise already; an enterprise never takes a user over from another one. */
public class UserActsForAnotherEnterpriseException extends ConflictException {

    public UserActsForAnotherEnterpriseException() {
        super("user-acts-for-another-enterprise", "User acts for another enterprise",
                "This person acts for another enterprise already; they must be removed there first.");
    }
}
