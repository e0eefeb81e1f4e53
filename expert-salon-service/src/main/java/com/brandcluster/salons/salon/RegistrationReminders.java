package com.brandcluster.salons.salon;

import com.brandcluster.contracts.salons.SalonRegistrationReminder;
import com.brandcluster.platform.outbox.OutboxEvents;
import com.brandcluster.salons.reminder.BookingReminders;
import com.brandcluster.salons.reminder.KeysetBatches;
import com.brandcluster.salons.reminder.ReminderWrites;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Reminds the enterprises with confirmed registrations of a salon that starts soon, once per registration and salon
 * start ({@link ReminderWrites}: a cancellation saved from an earlier read is a 409 rather than losing the reminder).
 * The published salons starting in the window are read first ({@code status_starts} index), then each one's confirmed
 * registrations not reminded of its start yet. Waitlisted, offered, cancelled and lapsed registrations are not
 * reminded.
 */
@Component
class RegistrationReminders implements BookingReminders {

    private final MongoOperations mongo;
    private final OutboxEvents outboxEvents;
    private final KeysetBatches<Salon> salons;
    private final KeysetBatches<Registration> registrations;

    RegistrationReminders(MongoOperations mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.salons = new KeysetBatches<>(mongo, Salon.class, "startsAt", Salon::startsAt, Salon::id);
        this.registrations = new KeysetBatches<>(mongo, Registration.class, "registeredAt",
                Registration::registeredAt, Registration::id);
    }

    @Override
    public int remind(Instant now, Instant until, int batchSize) {
        Criteria startingSoon = Criteria.where("status").is(Salon.Status.PUBLISHED).and("startsAt").gt(now).lte(until);
        return salons.sum(startingSoon, batchSize, salon -> remindRegistrations(salon, now, batchSize));
    }

    private int remindRegistrations(Salon salon, Instant now, int batchSize) {
        Criteria due = Criteria.where("salonId").is(salon.id()).and("status").is(Registration.Status.CONFIRMED)
                .and(ReminderWrites.FIELD).ne(salon.startsAt());
        return registrations.sum(due, batchSize, registration -> ReminderWrites.remind(mongo, Registration.class,
                registration.id(), "revision", registration.revision(), salon.startsAt(),
                outboxEvents.entryFor(reminder(registration, salon, now))) ? 1 : 0);
    }

    /** Carries the registration's version as of its last change: a reminder is none. */
    private static SalonRegistrationReminder reminder(Registration r, Salon salon, Instant now) {
        return new SalonRegistrationReminder(UUID.randomUUID(), now, salon.clusterId(), r.version(), r.id(),
                salon.id(), salon.title(), salon.startsAt(), salon.endsAt(), salon.timeZone(), salon.venue(),
                salon.onlineLink(), r.enterpriseId(), r.seats());
    }
}
