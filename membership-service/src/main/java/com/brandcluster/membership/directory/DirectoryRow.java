package com.brandcluster.membership.directory;

import com.brandcluster.membership.enterprise.Enterprise;
import com.brandcluster.membership.membership.Membership;

import java.time.Instant;

/** One member while the directory is assembled: its membership joined with its enterprise. */
record DirectoryRow(Membership membership, Enterprise enterprise, Instant admittedAt) {

    String name() {
        return enterprise.legalName() != null ? enterprise.legalName() : membership.enterpriseName();
    }

    String memberNumber() {
        return membership.memberNumber();
    }

    String enterpriseId() {
        return membership.enterpriseId();
    }
}
