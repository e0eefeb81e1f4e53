package com.brandcluster.salons.matching;

import com.brandcluster.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/**
 * The enterprise has not stated its needs yet ({@code urn:brandcluster:problem:needs-not-stated}): reading them is a
 * 404 (there is nothing to read), asking for matches a 409 (the matches exist once the needs do).
 */
class NeedsNotStatedException extends DomainException {

    private NeedsNotStatedException(HttpStatus status, String enterpriseId, String detail) {
        super(status, "needs-not-stated", "Needs not stated", detail);
        withProperty("enterpriseId", enterpriseId);
    }

    static NeedsNotStatedException onRead(String enterpriseId) {
        return new NeedsNotStatedException(HttpStatus.NOT_FOUND, enterpriseId, "Enterprise " + enterpriseId
                + " has not stated its needs yet; state them with PUT /api/salons/needs.");
    }

    static NeedsNotStatedException onMatch(String enterpriseId) {
        return new NeedsNotStatedException(HttpStatus.CONFLICT, enterpriseId, "Experts and salons are matched to "
                + "the enterprise's needs: state them first with PUT /api/salons/needs.");
    }
}
