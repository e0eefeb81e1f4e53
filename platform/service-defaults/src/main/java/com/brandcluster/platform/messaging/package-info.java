/**
 * Messaging conventions (DESIGN.md §5), auto-configured for every service that has Spring AMQP.
 *
 * <h2>Topology</h2>
 * Declared by each service at start from {@link com.brandcluster.platform.messaging.MessagingProperties}
 * ({@code brandcluster.messaging.*}) and listed in {@code infra/rabbitmq/definitions.json}: durable topic exchanges,
 * one quorum queue per consumer and purpose ({@code <consumer>.<purpose>}, whose only argument is
 * {@code x-queue-type}), its DLQ {@code <queue>.dlq} on the {@code dead-letter} exchange, and one policy per queue
 * for dead-lettering and the delivery limit, applied through the management API.
 *
 * <pre>
 * # a consumer (events-service)
 * spring.application.name: events-service
 * brandcluster:
 *   messaging:
 *     exchange: events.events              # its own exchange, if it publishes
 *     subscriptions:
 *       members:                           # queue events-service.members
 *         exchange: membership.events
 *         routing-keys: [ "membership.member.#" ]
 * </pre>
 *
 * <h2>Consuming</h2>
 * {@code @RabbitListener(queues = "events-service.members")} on a class with one {@code @RabbitHandler} method per
 * event record. The record type comes from the routing key ({@link com.brandcluster.contracts.EventCatalog}); JSON is
 * read tolerantly by the {@code eventJsonMapper}. The container acknowledges after the handler returns; a handler
 * that throws gets the message again until the queue's delivery limit moves it to the DLQ; an unconvertible message
 * (unknown routing key, malformed JSON) goes to the DLQ at once. Make handlers idempotent with
 * {@link com.brandcluster.platform.messaging.Projections} (version rule) or
 * {@link com.brandcluster.platform.messaging.ProcessedEvents} (claimed event ids).
 *
 * <h2>Publishing</h2>
 * Through the outbox ({@link com.brandcluster.platform.outbox}); the application's {@code RabbitTemplate} is also
 * {@code mandatory}, with correlated publisher confirms and returns.
 */
package com.brandcluster.platform.messaging;
