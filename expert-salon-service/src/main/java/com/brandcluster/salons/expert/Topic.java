package com.brandcluster.salons.expert;

/**
 * The controlled vocabulary of expertise topics: an expert's profile, a consultation's topic and an enterprise's
 * needs all use it, so matching compares like with like. A value outside it is a 400.
 */
public enum Topic {
    BRAND_STRATEGY,
    BRAND_EVALUATION,
    BRAND_VALUATION,
    TRADEMARKS_AND_IP,
    QUALITY_MANAGEMENT,
    STANDARDS_AND_CERTIFICATION,
    INTERNATIONAL_MARKETING,
    E_COMMERCE,
    DIGITAL_MARKETING,
    DESIGN,
    PACKAGING,
    PUBLIC_RELATIONS,
    BRAND_LAW_AND_COMPLIANCE,
    SUPPLY_CHAIN,
    EXPORT_AND_TRADE,
    FINANCING
}
