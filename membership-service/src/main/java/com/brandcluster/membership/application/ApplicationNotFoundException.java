package com.brandcluster.membership.application;

import com.brandcluster.platform.web.NotFoundException;

class ApplicationNotFoundException extends NotFoundException {

    ApplicationNotFoundException(String applicationId) {
        super("application", applicationId);
    }
}
