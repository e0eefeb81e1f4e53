package com.brandcluster.salons.programme;

import com.brandcluster.platform.web.NotFoundException;

class SessionSlotNotFoundException extends NotFoundException {

    SessionSlotNotFoundException(String slotId) {
        super("Session slot", slotId);
    }
}
