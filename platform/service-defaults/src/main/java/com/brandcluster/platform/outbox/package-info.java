/**
 * The transactional outbox without transactions (pattern 1 of DESIGN.md §6): an aggregate document
 * ({@link com.brandcluster.platform.outbox.OutboxCarrier}) carries the events that announce its changes
 * ({@link com.brandcluster.platform.outbox.OutboxEntry}, made by {@link com.brandcluster.platform.outbox.OutboxEvents}),
 * written in the same single-document save; the {@link com.brandcluster.platform.outbox.OutboxRelay} publishes them
 * with confirms and marks them sent.
 *
 * <pre>
 * # a producer (membership-service)
 * brandcluster:
 *   messaging:
 *     exchange: membership.events
 *   outbox:
 *     poll-interval: 1s          # besides being woken after each save
 *     retention: 7d              # sent entries are pruned after this
 *     enabled: true              # false: start paused (entries pile up until OutboxRelay.resume())
 * </pre>
 */
package com.brandcluster.platform.outbox;
