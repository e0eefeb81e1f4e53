package com.brandcluster.events.board;

import java.util.Set;

/**
 * The controlled vocabulary of what cluster members exchange on the board, so that search and matching compare like
 * with like. A value outside it is a 400.
 */
enum PostCategory {
    /** Components, materials, OEM and contract manufacturing offered or sought. */
    SUPPLY,
    /** Purchasing, including joint purchasing by several members. */
    PROCUREMENT,
    /** Technology transfer, R&amp;D partners, equipment, software. */
    TECHNOLOGY,
    /** Brand building under the cluster brand: design, identity, brand evaluation. */
    BRANDING,
    /** Sales channels, distribution, trade fairs, e-commerce. */
    MARKETING,
    /** Standards, testing, certification (the A+B+C standards and the like). */
    CERTIFICATION,
    /** Warehousing, transport, export handling. */
    LOGISTICS,
    /** Financing, investment, insurance, guarantees. */
    FINANCE,
    /** People: hiring, training, secondments. */
    TALENT,
    OTHER;

    /**
     * Categories that are the two ends of one exchange: an enterprise that needs to procure something is served by
     * one that supplies it, whichever of the two words each chose.
     */
    Set<PostCategory> related() {
        return switch (this) {
            case SUPPLY -> Set.of(PROCUREMENT);
            case PROCUREMENT -> Set.of(SUPPLY);
            default -> Set.of();
        };
    }
}
