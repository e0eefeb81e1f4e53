package com.brandcluster.membership.cluster;

import com.brandcluster.platform.web.UnprocessableException;

import java.util.List;

/** A secretariat appointment names users the identity service does not know; the problem names them. */
class UnknownUsersException extends UnprocessableException {

    UnknownUsersException(List<String> users) {
        super("unknown-user", "Unknown user", "No user with the username or e-mail "
                + String.join(", ", users) + " exists.");
        withProperty("unknownUsers", users);
    }
}
