package com.brandcluster.salons.programme;

import com.brandcluster.platform.web.UnprocessableException;

/**
 * 422: the programme's slots are each well-formed but break a rule together or with the salon (the detail names the
 * slot).
 */
class InvalidProgrammeException extends UnprocessableException {

    InvalidProgrammeException(String detail) {
        super("invalid-programme", "Invalid programme", detail);
    }
}
