package com.brandcluster.contracts.events;

import com.brandcluster.contracts.ClusterEvent;

import java.time.Instant;

/**
 * What every event about a B2B meeting at an exchange event carries besides its own fields: the meeting (the
 * aggregate, whose version the event carries), the exchange event with what a notification names it by, the slot with
 * its times (UTC, and the event's IANA zone to show them in), the enterprise that asked for the meeting and the one it
 * asked.
 */
public interface MeetingEvent extends ClusterEvent {

    String meetingId();

    String exchangeEventId();

    String title();

    String slotId();

    Instant slotStartsAt();

    Instant slotEndsAt();

    String timeZone();

    String requesterEnterpriseId();

    String inviteeEnterpriseId();

    @Override
    default String aggregateId() {
        return meetingId();
    }
}
