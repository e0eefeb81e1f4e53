package com.brandcluster.events.registration;

import com.brandcluster.platform.web.NotFoundException;

class RegistrationNotFoundException extends NotFoundException {

    RegistrationNotFoundException(String registrationId) {
        super("Registration", registrationId);
    }
}
