package com.brandcluster.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A registration waits for the secretariat's approval. {@code approvalReason}: {@code APPROVAL_POLICY} (the event's
 * policy asks for it), {@code NOT_A_MEMBER} (a non-member registered for an event open to non-members) or
 * {@code MEMBERSHIP_<STATUS>} (the member is not in good standing, e.g. {@code MEMBERSHIP_SUSPENDED}; also when an
 * unconfirmed registration is moved back to approval because the membership was suspended).
 */
public record RegistrationPending(UUID eventId, Instant occurredAt, String clusterId, long version,
                                  String registrationId, String exchangeEventId, String title, Instant startsAt,
                                  String timeZone, String enterpriseId, int attendees, String approvalReason)
        implements RegistrationEvent {

    public static final String ROUTING_KEY = "events.registration.pending.v1";
}
