package com.brandcluster.salons.salon;

import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** 400: a time zone that is not an IANA zone id ({@code Asia/Shanghai}). */
class UnknownTimeZoneException extends DomainException {

    UnknownTimeZoneException(String zone) {
        super(HttpStatus.BAD_REQUEST, "unknown-time-zone", "Unknown time zone",
                "'" + zone + "' is not an IANA time zone id such as Asia/Shanghai.");
    }
}
