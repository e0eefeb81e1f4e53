package com.brandcluster.salons.consultation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param idempotencyKeyLifetime how long an {@code Idempotency-Key} of a booking is remembered
 * @param idempotencyWait        how long a retry waits for the first request with its key to finish before it is
 *                               answered 409 {@code idempotency-key-in-progress}
 * @param reservationGrace       how old a reservation of hours or expert time must be before the housekeeping takes
 *                               it back when no booking holds it (a booking that crashed half-way)
 * @param housekeepingInterval   how often the housekeeping runs
 */
@ConfigurationProperties("brandcluster.consultations")
record ConsultationProperties(@DefaultValue("PT24H") Duration idempotencyKeyLifetime,
                              @DefaultValue("PT10S") Duration idempotencyWait,
                              @DefaultValue("PT5M") Duration reservationGrace,
                              @DefaultValue("PT5M") Duration housekeepingInterval) {
}
