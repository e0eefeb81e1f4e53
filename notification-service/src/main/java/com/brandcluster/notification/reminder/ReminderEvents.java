package com.brandcluster.notification.reminder;

import com.brandcluster.notification.directory.ClusterNames;
import com.brandcluster.contracts.events.EventCancelled;
import com.brandcluster.contracts.events.EventUpdated;
import com.brandcluster.contracts.events.RegistrationCancelled;
import com.brandcluster.contracts.events.RegistrationConfirmed;
import com.brandcluster.contracts.events.RegistrationEvent;
import com.brandcluster.contracts.membership.ConventionBallotClosingSoon;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MemberSnapshot;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.contracts.salons.ConsultationBooked;
import com.brandcluster.contracts.salons.ConsultationCancelled;
import com.brandcluster.contracts.salons.ConsultationCompleted;
import com.brandcluster.contracts.salons.ConsultationConfirmed;
import com.brandcluster.contracts.salons.ConsultationNoShow;
import com.brandcluster.contracts.salons.ConsultationRescheduled;
import com.brandcluster.contracts.salons.SalonRegistrationCancelled;
import com.brandcluster.contracts.salons.SalonRegistrationConfirmed;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events reminders are scheduled from, on the service's own queues (one per producing exchange): consultations
 * (the booking enterprise's users and the expert), salon and exchange-event registrations (the enterprise's users),
 * exchange events moved or cancelled, memberships (the 30-day expiry reminder while ACTIVE or GRACE); and the ballots
 * closing soon, notified at once. Producers' own reminder events ({@code salons.*.reminder.v1}) are not consumed:
 * this service schedules its own. Every handler is idempotent and order-tolerant ({@link ReminderSchedule}).
 */
@Component
@RabbitListener(queues = {ReminderEvents.SALONS_QUEUE, ReminderEvents.EVENTS_QUEUE, ReminderEvents.MEMBERSHIP_QUEUE},
        id = "reminders")
class ReminderEvents {

    static final String SALONS_QUEUE = "notification-service.reminders-salons";
    static final String EVENTS_QUEUE = "notification-service.reminders-events";
    static final String MEMBERSHIP_QUEUE = "notification-service.reminders-membership";
    /** The clusters' calendar: a membership is valid until the end of its {@code validUntil} day there. */
    static final ZoneId CLUSTER_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Set<String> REMINDED_MEMBERSHIPS = Set.of("ACTIVE", "GRACE");
    private static final String CONFIRMED = "CONFIRMED";

    private final ReminderSchedule schedule;
    private final BallotClosingReminders ballots;
    private final ClusterNames clusters;

    ReminderEvents(ReminderSchedule schedule, BallotClosingReminders ballots, ClusterNames clusters) {
        this.clusters = clusters;
        this.schedule = schedule;
        this.ballots = ballots;
    }

    // --- consultations ---------------------------------------------------------------------------------------------

    @RabbitHandler
    void on(ConsultationBooked e) {
        consultation(e.consultationId(), e.clusterId(), e.version(), CONFIRMED.equals(e.state()), e.startsAt(),
                e.occurredAt(), e.enterpriseId(), e.expertId(), e.expertName(), e.expertTimeZone(), e.topic());
    }

    @RabbitHandler
    void on(ConsultationConfirmed e) {
        consultation(e.consultationId(), e.clusterId(), e.version(), true, e.startsAt(), e.occurredAt(),
                e.enterpriseId(), e.expertId(), e.expertName(), e.expertTimeZone(), e.topic());
    }

    @RabbitHandler
    void on(ConsultationRescheduled e) {
        consultation(e.consultationId(), e.clusterId(), e.version(), CONFIRMED.equals(e.state()), e.startsAt(),
                e.occurredAt(), e.enterpriseId(), e.expertId(), e.expertName(), e.expertTimeZone(), e.topic());
    }

    @RabbitHandler
    void on(ConsultationCancelled e) {
        consultation(e.consultationId(), e.clusterId(), e.version(), false, e.startsAt(), e.occurredAt(),
                e.enterpriseId(), e.expertId(), e.expertName(), e.expertTimeZone(), e.topic());
    }

    @RabbitHandler
    void on(ConsultationCompleted e) {
        consultation(e.consultationId(), e.clusterId(), e.version(), false, e.startsAt(), e.occurredAt(),
                e.enterpriseId(), e.expertId(), e.expertName(), e.expertTimeZone(), e.topic());
    }

    @RabbitHandler
    void on(ConsultationNoShow e) {
        consultation(e.consultationId(), e.clusterId(), e.version(), false, e.startsAt(), e.occurredAt(),
                e.enterpriseId(), e.expertId(), e.expertName(), e.expertTimeZone(), e.topic());
    }

    private void consultation(String id, String clusterId, long version, boolean confirmed, Instant start,
                              Instant occurredAt, String enterpriseId, String expertId, String expertName,
                              String expertTimeZone, String topic) {
        schedule.apply(new Subject(Subject.key(Kind.CONSULTATION, id), Kind.CONSULTATION, id, null, clusterId,
                version, confirmed, start, occurredAt,
                List.of(Recipient.enterprise(enterpriseId), Recipient.user(expertId)),
                Map.of("expert", expertName, "topic", topic), expertTimeZone, "/salons/consultations/" + id));
    }

    // --- salon registrations ---------------------------------------------------------------------------------------

    @RabbitHandler
    void on(SalonRegistrationConfirmed e) {
        salonRegistration(e.registrationId(), e.clusterId(), e.version(), true, e.startsAt(), e.occurredAt(),
                e.enterpriseId(), e.title(), e.timeZone(), e.salonId());
    }

    @RabbitHandler
    void on(SalonRegistrationCancelled e) {
        salonRegistration(e.registrationId(), e.clusterId(), e.version(), false, e.startsAt(), e.occurredAt(),
                e.enterpriseId(), e.title(), e.timeZone(), e.salonId());
    }

    private void salonRegistration(String id, String clusterId, long version, boolean confirmed, Instant start,
                                   Instant occurredAt, String enterpriseId, String title, String timeZone,
                                   String salonId) {
        schedule.apply(new Subject(Subject.key(Kind.SALON, id), Kind.SALON, id, null, clusterId, version, confirmed,
                start, occurredAt, List.of(Recipient.enterprise(enterpriseId)), Map.of("title", title), timeZone,
                "/salons/" + salonId));
    }

    // --- exchange events and their registrations -------------------------------------------------------------------

    @RabbitHandler
    void on(RegistrationConfirmed e) {
        eventRegistration(e, true);
    }

    @RabbitHandler
    void on(RegistrationCancelled e) {
        eventRegistration(e, false);
    }

    private void eventRegistration(RegistrationEvent e, boolean confirmed) {
        schedule.apply(new Subject(Subject.key(Kind.EVENT, e.registrationId()), Kind.EVENT, e.registrationId(),
                e.exchangeEventId(), e.clusterId(), e.version(), confirmed, e.startsAt(), e.occurredAt(),
                List.of(Recipient.enterprise(e.enterpriseId())), Map.of("title", e.title()), e.timeZone(),
                "/events/" + e.exchangeEventId()));
    }

    @RabbitHandler
    void on(EventUpdated e) {
        schedule.applyEvent(e.exchangeEventId(), e.version(), e.startsAt(), e.occurredAt(), false);
    }

    @RabbitHandler
    void on(EventCancelled e) {
        schedule.applyEvent(e.exchangeEventId(), e.version(), e.startsAt(), e.occurredAt(), true);
    }

    // --- memberships -----------------------------------------------------------------------------------------------

    @RabbitHandler
    void on(MemberAdmitted e) {
        membership(e.membershipId(), e.clusterId(), e.version(), "ACTIVE", e.validUntil(), e.occurredAt(),
                e.enterpriseId());
    }

    @RabbitHandler
    void on(MembershipStatusChanged e) {
        membership(e.membershipId(), e.clusterId(), e.version(), e.status(), e.validUntil(), e.occurredAt(),
                e.enterpriseId());
    }

    @RabbitHandler
    void on(MemberSnapshot e) {
        membership(e.membershipId(), e.clusterId(), e.version(), e.status(), e.validUntil(), e.occurredAt(),
                e.enterpriseId());
    }

    private void membership(String id, String clusterId, long version, String status, LocalDate validUntil,
                            Instant occurredAt, String enterpriseId) {
        Instant expires = validUntil.plusDays(1).atStartOfDay(CLUSTER_ZONE).toInstant();
        schedule.apply(new Subject(Subject.key(Kind.MEMBERSHIP, id), Kind.MEMBERSHIP, id, null, clusterId, version,
                REMINDED_MEMBERSHIPS.contains(status), expires, occurredAt, List.of(Recipient.enterprise(enterpriseId)),
                Map.of("cluster", clusters.of(clusterId), "date", validUntil.toString()), CLUSTER_ZONE.getId(),
                "/membership/clusters/" + clusterId));
    }

    // --- ballots ---------------------------------------------------------------------------------------------------

    @RabbitHandler
    void on(ConventionBallotClosingSoon e) {
        ballots.notify(e);
    }
}
