package com.brandcluster.salons.consultation;

import com.brandcluster.contracts.salons.ConsultationBooked;
import com.brandcluster.contracts.salons.ConsultationCancelled;
import com.brandcluster.contracts.salons.ConsultationCompleted;
import com.brandcluster.contracts.salons.ConsultationConfirmed;
import com.brandcluster.contracts.salons.ConsultationNoShow;
import com.brandcluster.contracts.salons.ConsultationReminder;
import com.brandcluster.contracts.salons.ConsultationRescheduled;
import com.brandcluster.platform.outbox.OutboxEntry;
import com.brandcluster.platform.outbox.OutboxEvents;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Adds the event announcing a consultation's change to its outbox, so that the change and its announcement are one
 * document write. Call it after the aggregate changed and before it is saved: events carry the version the save
 * gives the document.
 */
@Component
class ConsultationEvents {

    private final OutboxEvents outboxEvents;

    ConsultationEvents(OutboxEvents outboxEvents) {
        this.outboxEvents = outboxEvents;
    }

    void booked(Consultation c, Instant now) {
        c.announce(outboxEvents.entryFor(new ConsultationBooked(UUID.randomUUID(), now, c.clusterId(),
                c.nextVersion(), c.id(), c.expertId(), c.expertName(), c.expertTimeZone(), c.enterpriseId(),
                c.start(), c.end(), c.topic().name(), c.state().name())));
    }

    void confirmed(Consultation c, Instant now) {
        c.announce(outboxEvents.entryFor(new ConsultationConfirmed(UUID.randomUUID(), now, c.clusterId(),
                c.nextVersion(), c.id(), c.expertId(), c.expertName(), c.expertTimeZone(), c.enterpriseId(),
                c.start(), c.end(), c.topic().name())));
    }

    void rescheduled(Consultation c, Instant previousStart, Instant previousEnd, Instant now) {
        c.announce(outboxEvents.entryFor(new ConsultationRescheduled(UUID.randomUUID(), now, c.clusterId(),
                c.nextVersion(), c.id(), c.expertId(), c.expertName(), c.expertTimeZone(), c.enterpriseId(),
                c.start(), c.end(), c.topic().name(), c.state().name(), previousStart, previousEnd)));
    }

    void cancelled(Consultation c, Instant now) {
        Consultation.Cancellation cancellation = c.cancellation();
        c.announce(outboxEvents.entryFor(new ConsultationCancelled(UUID.randomUUID(), now, c.clusterId(),
                c.nextVersion(), c.id(), c.expertId(), c.expertName(), c.expertTimeZone(), c.enterpriseId(),
                c.start(), c.end(), c.topic().name(), c.previousState().name(), cancellation.by().name(),
                cancellation.reason(), cancellation.late(), cancellation.hoursReturned())));
    }

    void completed(Consultation c, Instant now) {
        c.announce(outboxEvents.entryFor(new ConsultationCompleted(UUID.randomUUID(), now, c.clusterId(),
                c.nextVersion(), c.id(), c.expertId(), c.expertName(), c.expertTimeZone(), c.enterpriseId(),
                c.start(), c.end(), c.topic().name())));
    }

    void noShow(Consultation c, Instant now) {
        c.announce(outboxEvents.entryFor(new ConsultationNoShow(UUID.randomUUID(), now, c.clusterId(),
                c.nextVersion(), c.id(), c.expertId(), c.expertName(), c.expertTimeZone(), c.enterpriseId(),
                c.start(), c.end(), c.topic().name())));
    }

    /**
     * The reminder of a confirmed consultation. Returned rather than announced: it is written by a conditional update
     * together with the mark that it was sent ({@link ConsultationReminders}), which also bumps the version it carries.
     */
    OutboxEntry reminder(Consultation c, Instant now) {
        return outboxEvents.entryFor(new ConsultationReminder(UUID.randomUUID(), now, c.clusterId(),
                c.nextVersion(), c.id(), c.expertId(), c.expertName(), c.expertTimeZone(), c.enterpriseId(),
                c.start(), c.end(), c.topic().name()));
    }
}
