package com.brandcluster.salons.salon;

import com.brandcluster.platform.web.NotFoundException;

class SalonNotFoundException extends NotFoundException {

    SalonNotFoundException(String salonId) {
        super("salon", salonId);
    }
}
