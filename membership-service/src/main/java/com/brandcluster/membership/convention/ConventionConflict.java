package com.brandcluster.membership.convention;

import com.brandcluster.platform.web.ConflictException;

/** A 409 about a convention or its ballot, with extra members such as the ballot's closing time. */
class ConventionConflict extends ConflictException {

    ConventionConflict(String type, String title, String detail) {
        super(type, title, detail);
    }

    ConventionConflict with(String name, Object value) {
        withProperty(name, value);
        return this;
    }
}
