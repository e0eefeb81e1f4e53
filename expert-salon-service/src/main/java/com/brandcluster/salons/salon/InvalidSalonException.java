package com.brandcluster.salons.salon;

import com.brandcluster.platform.web.UnprocessableException;

/** 422: the salon's fields are each valid but together break a rule (it ends before it starts, ...). */
class InvalidSalonException extends UnprocessableException {

    InvalidSalonException(String detail) {
        super("invalid-salon", "Invalid salon", detail);
    }
}
