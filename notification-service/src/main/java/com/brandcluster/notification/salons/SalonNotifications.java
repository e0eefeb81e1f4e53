package com.brandcluster.notification.salons;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

import com.brandcluster.contracts.ClusterEvent;
import com.brandcluster.contracts.salons.ConsultationBooked;
import com.brandcluster.contracts.salons.ConsultationCancelled;
import com.brandcluster.contracts.salons.ConsultationConfirmed;
import com.brandcluster.contracts.salons.ConsultationNoShow;
import com.brandcluster.contracts.salons.ConsultationReminder;
import com.brandcluster.contracts.salons.ConsultationRescheduled;
import com.brandcluster.contracts.salons.SalonRegistrationCancelled;
import com.brandcluster.contracts.salons.SalonRegistrationConfirmed;
import com.brandcluster.contracts.salons.SalonRegistrationReminder;
import com.brandcluster.contracts.salons.SalonSessionBooked;
import com.brandcluster.contracts.salons.SalonSessionConfirmed;
import com.brandcluster.contracts.salons.SalonSessionReleased;
import com.brandcluster.contracts.salons.SalonWaitlistOffered;
import com.brandcluster.notification.inbox.Args;
import com.brandcluster.notification.inbox.Audience;
import com.brandcluster.notification.inbox.Category;
import com.brandcluster.notification.inbox.Notifier;
import com.brandcluster.notification.mail.CalendarInvite;
import com.brandcluster.notification.mail.CalendarInvite.Method;

import static com.brandcluster.notification.inbox.EventNotifications.request;

/**
 * Expert-salon-service's events that someone must hear about (queue {@code notification-service.salons}): the
 * enterprise and the expert of a consultation, an enterprise about its salon registration, an expert (and for a
 * booking the secretariat) about a salon session. Consultation and salon-registration e-mails carry a calendar entry
 * whose uid stays the same through the booking's changes and whose sequence is the aggregate version. Not notified:
 * consultation completed (both took part; nothing to do). Expert-salon-service's own reminder events are consumed
 * (events are published {@code mandatory}, so each has a queue) and tell nobody: this service schedules its own
 * reminders, a day and an hour ahead (the {@code reminder} feature), and would otherwise remind twice.
 */
@Component
@RabbitListener(queues = "notification-service.salons")
class SalonNotifications {

    /** Salon events carry their start only; a calendar entry gets this length. */
    static final Duration ASSUMED_SALON_LENGTH = Duration.ofHours(2);
    private static final Logger log = LoggerFactory.getLogger(SalonNotifications.class);

    private final Notifier notifier;

    SalonNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @RabbitHandler
    void on(ConsultationReminder e) {
        log.debug("Consultation {} reminder of expert-salon-service: reminded by this service's own schedule",
                e.consultationId());
    }

    @RabbitHandler
    void on(SalonRegistrationReminder e) {
        log.debug("Salon registration {} reminder of expert-salon-service: reminded by this service's own schedule",
                e.registrationId());
    }

    @RabbitHandler
    void on(ConsultationBooked e) {
        String state = "CONFIRMED".equals(e.state()) ? "confirmed" : "pending";
        consultation(e, "salons.consultation.booked." + state, "salons.consultation.booked-expert." + state,
                e.consultationId(), e.expertId(), e.enterpriseId(), e.expertTimeZone(),
                consultationArgs(e.expertName(), e.topic(), e.startsAt(), e.endsAt()),
                invite(e.consultationId(), e.version(), Method.REQUEST, e.startsAt(), e.endsAt(), e.topic(),
                        e.expertName()));
    }

    @RabbitHandler
    void on(ConsultationConfirmed e) {
        consultation(e, "salons.consultation.confirmed", "salons.consultation.confirmed-expert",
                e.consultationId(), e.expertId(), e.enterpriseId(), e.expertTimeZone(),
                consultationArgs(e.expertName(), e.topic(), e.startsAt(), e.endsAt()),
                invite(e.consultationId(), e.version(), Method.REQUEST, e.startsAt(), e.endsAt(), e.topic(),
                        e.expertName()));
    }

    @RabbitHandler
    void on(ConsultationRescheduled e) {
        Map<String, Object> args = consultationArgs(e.expertName(), e.topic(), e.startsAt(), e.endsAt());
        args.put("previousStartsAt", e.previousStartsAt());
        consultation(e, "salons.consultation.rescheduled", "salons.consultation.rescheduled-expert",
                e.consultationId(), e.expertId(), e.enterpriseId(), e.expertTimeZone(), args,
                invite(e.consultationId(), e.version(), Method.REQUEST, e.startsAt(), e.endsAt(), e.topic(),
                        e.expertName()));
    }

    @RabbitHandler
    void on(ConsultationCancelled e) {
        Map<String, Object> args = consultationArgs(e.expertName(), e.topic(), e.startsAt(), e.endsAt());
        args.put("cancelledBy", e.cancelledBy());
        args.put("reason", Objects.requireNonNullElse(e.reason(), "—"));
        consultation(e, "salons.consultation.cancelled", "salons.consultation.cancelled-expert",
                e.consultationId(), e.expertId(), e.enterpriseId(), e.expertTimeZone(), args,
                invite(e.consultationId(), e.version(), Method.CANCEL, e.startsAt(), e.endsAt(), e.topic(),
                        e.expertName()));
    }

    @RabbitHandler
    void on(ConsultationNoShow e) {
        consultation(e, "salons.consultation.no-show", "salons.consultation.no-show-expert",
                e.consultationId(), e.expertId(), e.enterpriseId(), e.expertTimeZone(),
                consultationArgs(e.expertName(), e.topic(), e.startsAt(), e.endsAt()), null);
    }

    @RabbitHandler
    void on(SalonRegistrationConfirmed e) {
        salonRegistration(e, e.enterpriseId(), e.registrationId(), e.salonId(), e.title(), e.startsAt(),
                e.timeZone(), "salons.registration.confirmed", Args.of("attendees", e.attendees()), Method.REQUEST);
    }

    @RabbitHandler
    void on(SalonRegistrationCancelled e) {
        salonRegistration(e, e.enterpriseId(), e.registrationId(), e.salonId(), e.title(), e.startsAt(),
                e.timeZone(), "salons.registration.cancelled", Args.of(), Method.CANCEL);
    }

    @RabbitHandler
    void on(SalonWaitlistOffered e) {
        salonRegistration(e, e.enterpriseId(), e.registrationId(), e.salonId(), e.title(), e.startsAt(),
                e.timeZone(), "salons.waitlist.offered",
                Args.of("attendees", e.attendees(), "offerExpiresAt", e.offerExpiresAt()), Method.REQUEST);
    }

    @RabbitHandler
    void on(SalonSessionBooked e) {
        Map<String, Object> args = sessionArgs(e.salonTitle(), e.title(), e.startsAt());
        notifier.notify(request(e, new Audience.User(e.expertId()), Category.SALONS, "salons.session.booked",
                args, e.timeZone(), salonLink(e.salonId()), null));
        notifier.notify(request(e, new Audience.Secretariat(e.clusterId()), Category.SALONS,
                "salons.session.booked-secretariat", args, e.timeZone(), salonLink(e.salonId()), null));
    }

    @RabbitHandler
    void on(SalonSessionConfirmed e) {
        notifier.notify(request(e, new Audience.User(e.expertId()), Category.SALONS, "salons.session.confirmed",
                sessionArgs(e.salonTitle(), e.title(), e.startsAt()), e.timeZone(), salonLink(e.salonId()),
                new CalendarInvite("salon-session-" + e.slotId() + "@brandcluster", e.version(), Method.REQUEST,
                        e.startsAt(), e.endsAt(), e.salonTitle() + ": " + e.title(), null, null)));
    }

    @RabbitHandler
    void on(SalonSessionReleased e) {
        Map<String, Object> args = sessionArgs(e.salonTitle(), e.title(), e.startsAt());
        args.put("releasedBy", e.releasedBy());
        notifier.notify(request(e, new Audience.User(e.expertId()), Category.SALONS, "salons.session.released",
                args, e.timeZone(), salonLink(e.salonId()),
                "CONFIRMED".equals(e.previousState())
                        ? new CalendarInvite("salon-session-" + e.slotId() + "@brandcluster", e.version(),
                                Method.CANCEL, e.startsAt(), e.endsAt(), e.salonTitle() + ": " + e.title(), null,
                                null)
                        : null));
    }

    /** The enterprise's users and the expert, each with their own wording, under one source (the event). */
    private void consultation(ClusterEvent e, String enterpriseKey, String expertKey, String consultationId,
                              String expertId, String enterpriseId, String timeZone, Map<String, Object> args,
                              @Nullable CalendarInvite calendar) {
        String link = "/salons/consultations/" + consultationId;
        notifier.notify(request(e, new Audience.Enterprise(enterpriseId), Category.CONSULTATIONS, enterpriseKey,
                args, timeZone, link, calendar));
        notifier.notify(request(e, new Audience.User(expertId), Category.CONSULTATIONS, expertKey, args, timeZone,
                link, calendar));
    }

    /** The registering enterprise, with the registration's calendar entry (sequence: the registration's version). */
    private void salonRegistration(ClusterEvent e, String enterpriseId, String registrationId, String salonId,
                                   String title, Instant startsAt, String timeZone, String key,
                                   Map<String, Object> extra, Method method) {
        Map<String, Object> args = Args.of("title", title, "startsAt", startsAt);
        args.putAll(extra);
        notifier.notify(request(e, new Audience.Enterprise(enterpriseId), Category.SALONS, key, args, timeZone,
                salonLink(salonId), new CalendarInvite("salon-registration-" + registrationId + "@brandcluster",
                        e.version(), method, startsAt, startsAt.plus(ASSUMED_SALON_LENGTH), title, null, null)));
    }

    private static Map<String, Object> consultationArgs(String expertName, String topic, Instant startsAt,
                                                        Instant endsAt) {
        return Args.of("expert", expertName, "topic", topic, "startsAt", startsAt, "endsAt", endsAt);
    }

    private static Map<String, Object> sessionArgs(String salonTitle, String title, Instant startsAt) {
        return Args.of("salon", salonTitle, "session", title, "startsAt", startsAt);
    }

    static CalendarInvite invite(String consultationId, long version, Method method, Instant startsAt,
                                 Instant endsAt, String topic, String expertName) {
        return new CalendarInvite("consultation-" + consultationId + "@brandcluster", version, method, startsAt,
                endsAt, topic + " (" + expertName + ")", null, null);
    }

    private static String salonLink(String salonId) {
        return "/salons/" + salonId;
    }
}
