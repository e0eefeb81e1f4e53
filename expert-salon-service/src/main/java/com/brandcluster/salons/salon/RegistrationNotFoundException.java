package com.brandcluster.salons.salon;

import com.brandcluster.platform.web.NotFoundException;

class RegistrationNotFoundException extends NotFoundException {

    RegistrationNotFoundException(String registrationId) {
        super("registration", registrationId);
    }
}
