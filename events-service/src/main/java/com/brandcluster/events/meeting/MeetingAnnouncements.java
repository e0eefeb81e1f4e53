package com.brandcluster.events.meeting;

import com.brandcluster.contracts.events.MeetingAccepted;
import com.brandcluster.contracts.events.MeetingCancelled;
import com.brandcluster.contracts.events.MeetingDeclined;
import com.brandcluster.contracts.events.MeetingExpired;
import com.brandcluster.contracts.events.MeetingRequested;
import com.brandcluster.events.event.EventDetails;
import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.platform.outbox.OutboxEvents;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Adds the event that announces a meeting's latest change to its outbox, to be written with it (pattern 1). Each
 * carries the meeting's version after the change, the slot's times as the plan has them now (as the meeting last
 * knew them once the slot was removed) and what a notification names the exchange event by.
 */
@Component
class MeetingAnnouncements {

    private final OutboxEvents outboxEvents;

    MeetingAnnouncements(OutboxEvents outboxEvents) {
        this.outboxEvents = outboxEvents;
    }

    void stateEntered(Meeting m, ExchangeEvent event, MeetingPlan plan, Instant at) {
        EventDetails d = event.details();
        Meeting.SlotTimes slot = plan.slot(m.slotId()).map(MeetingPlan.Slot::times).orElse(m.slotTimes());
        UUID id = UUID.randomUUID();
        m.announce(outboxEvents.entryFor(switch (m.status()) {
            case REQUESTED -> new MeetingRequested(id, at, m.clusterId(), m.version(), m.id(), event.id(),
                    d.title(), m.slotId(), slot.startsAt(), slot.endsAt(), d.timeZone(), m.requesterEnterpriseId(),
                    m.inviteeEnterpriseId(), m.message(), m.expiresAt());
            case ACCEPTED -> new MeetingAccepted(id, at, m.clusterId(), m.version(), m.id(), event.id(), d.title(),
                    m.slotId(), slot.startsAt(), slot.endsAt(), d.timeZone(), m.requesterEnterpriseId(),
                    m.inviteeEnterpriseId(), m.tableId(), m.tableName());
            case DECLINED -> new MeetingDeclined(id, at, m.clusterId(), m.version(), m.id(), event.id(), d.title(),
                    m.slotId(), slot.startsAt(), slot.endsAt(), d.timeZone(), m.requesterEnterpriseId(),
                    m.inviteeEnterpriseId(), m.lastReason());
            case EXPIRED -> new MeetingExpired(id, at, m.clusterId(), m.version(), m.id(), event.id(), d.title(),
                    m.slotId(), slot.startsAt(), slot.endsAt(), d.timeZone(), m.requesterEnterpriseId(),
                    m.inviteeEnterpriseId(), m.expiredBecause().name());
            case CANCELLED -> new MeetingCancelled(id, at, m.clusterId(), m.version(), m.id(), event.id(),
                    d.title(), m.slotId(), slot.startsAt(), slot.endsAt(), d.timeZone(), m.requesterEnterpriseId(),
                    m.inviteeEnterpriseId(), m.previousStatus().name(), m.cancelledBy().name(), m.lastReason());
        }));
    }
}
