/**
 * Personal data (PIPL): what a service holds about a person, exported on request ({@code GET .../me/personal-data})
 * and erased when membership-service announces {@code membership.person.erased.v1}. A service declares its
 * {@link com.brandcluster.platform.privacy.PersonalDataHolding}s; the platform finds, exports and deletes or
 * anonymises the documents, consumes the event idempotently and serves the export endpoint.
 */
@NullMarked
package com.brandcluster.platform.privacy;

import org.jspecify.annotations.NullMarked;
