package com.brandcluster.membership.cluster;

import com.brandcluster.platform.web.ConflictException;

import java.util.List;

/** A tier cannot be removed while a membership (not terminated) holds it; the problem names the tiers. */
class TierInUseException extends ConflictException {

    TierInUseException(List<String> tiers) {
        super("tier-in-use", "Tier in use", (tiers.size() == 1 ? "Tier '" + tiers.getFirst() + "' is"
                : "Tiers " + tiers.stream().map(t -> "'" + t + "'").toList() + " are")
                + " held by memberships of this cluster; move them to another tier first.");
        withProperty("tiers", tiers);
    }
}
