package com.brandcluster.membership.directory;

import com.brandcluster.membership.membership.Membership;

/** The directory's filters (each optional), the page wanted and the order. */
record DirectoryQuery(String q, String industry, String region, String tier, String standard,
                      Membership.Status status, int page, int size, DirectorySort sort) {

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    DirectoryQuery {
        q = blankToNull(q);
        industry = blankToNull(industry);
        region = blankToNull(region);
        tier = blankToNull(tier);
        standard = blankToNull(standard);
    }
}
