/**
 * Events published by events-service on {@code events.events}: exchange events ({@code events.event.*}), the
 * registrations for them ({@code events.registration.*}), their attendees' check-in ({@code events.attendance.*}) and
 * the B2B meetings between registered enterprises ({@code events.meeting.*}). An exchange event's id is
 * {@code exchangeEventId}, since {@code eventId} is every message's own id.
 */
package com.brandcluster.contracts.events;
