package com.brandcluster.salons.expert;

import com.brandcluster.platform.web.NotFoundException;

/** 404 {@code not-found}: no expert has this id (no profile was created for this subject). */
public class ExpertNotFoundException extends NotFoundException {

    public ExpertNotFoundException(String expertId) {
        super("Expert", expertId);
    }
}
