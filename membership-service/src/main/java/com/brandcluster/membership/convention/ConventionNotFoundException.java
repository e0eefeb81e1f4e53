package com.brandcluster.membership.convention;

import com.brandcluster.platform.web.NotFoundException;

class ConventionNotFoundException extends NotFoundException {

    ConventionNotFoundException(String conventionId) {
        super("convention", conventionId);
    }
}
