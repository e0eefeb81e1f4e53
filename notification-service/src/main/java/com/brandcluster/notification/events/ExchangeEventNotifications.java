package com.brandcluster.notification.events;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.brandcluster.contracts.events.AttendeeCheckedIn;
import com.brandcluster.contracts.events.EventCancelled;
import com.brandcluster.contracts.events.EventPublished;
import com.brandcluster.contracts.events.EventUpdated;
import com.brandcluster.contracts.events.MeetingAccepted;
import com.brandcluster.contracts.events.MeetingCancelled;
import com.brandcluster.contracts.events.MeetingDeclined;
import com.brandcluster.contracts.events.MeetingEvent;
import com.brandcluster.contracts.events.MeetingExpired;
import com.brandcluster.contracts.events.MeetingRequested;
import com.brandcluster.contracts.events.RegistrationCancelled;
import com.brandcluster.contracts.events.RegistrationConfirmed;
import com.brandcluster.contracts.events.RegistrationDeclined;
import com.brandcluster.contracts.events.RegistrationEvent;
import com.brandcluster.contracts.events.RegistrationOffered;
import com.brandcluster.contracts.events.RegistrationPending;
import com.brandcluster.contracts.events.RegistrationWaitlisted;
import com.brandcluster.notification.inbox.Args;
import com.brandcluster.notification.inbox.Audience;
import com.brandcluster.notification.inbox.Category;
import com.brandcluster.notification.inbox.Notifier;
import com.brandcluster.notification.mail.CalendarInvite;
import com.brandcluster.platform.messaging.Projections;

import static com.brandcluster.notification.inbox.EventNotifications.request;

/**
 * Events-service's events that someone must hear about (queue {@code notification-service.events}): an enterprise
 * about its registration, the registered enterprises about a changed or cancelled exchange event, the other
 * enterprise of a B2B meeting. Registration events also keep {@link EventRegistration} (version rule), so each
 * handler's two steps are idempotent on their own (pattern 4 of DESIGN.md §6). A published event reaches every member of
 * its cluster in good standing. Consumed but not notified: attendee checked in (the attendee was there).
 */
@Component
@RabbitListener(queues = "notification-service.events")
class ExchangeEventNotifications {

    static final String EVENT_CANCELLED = "EVENT_CANCELLED";
    private static final Logger log = LoggerFactory.getLogger(ExchangeEventNotifications.class);

    private final Notifier notifier;
    private final Projections projections;
    private final MongoOperations mongo;

    ExchangeEventNotifications(Notifier notifier, Projections projections, MongoOperations mongo) {
        this.notifier = notifier;
        this.projections = projections;
        this.mongo = mongo;
    }

    @RabbitHandler
    void on(RegistrationConfirmed e) {
        registration(e, "CONFIRMED", null, "events.registration.confirmed", Args.of());
    }

    @RabbitHandler
    void on(RegistrationPending e) {
        registration(e, "PENDING", null, "events.registration.pending", Args.of());
    }

    @RabbitHandler
    void on(RegistrationWaitlisted e) {
        registration(e, "WAITLISTED", null, "events.registration.waitlisted", Args.of());
    }

    @RabbitHandler
    void on(RegistrationOffered e) {
        registration(e, "OFFERED", null, "events.registration.offered",
                Args.of("offerExpiresAt", e.offerExpiresAt()));
    }

    @RabbitHandler
    void on(RegistrationDeclined e) {
        registration(e, "DECLINED", null, "events.registration.declined",
                Args.of("reason", Objects.requireNonNullElse(e.reason(), "—")));
    }

    /** A cancellation because the whole event was cancelled is told once, by {@link #on(EventCancelled)}. */
    @RabbitHandler
    void on(RegistrationCancelled e) {
        registration(e, "CANCELLED", e.cancelledBy(),
                EVENT_CANCELLED.equals(e.cancelledBy()) ? null : "events.registration.cancelled",
                Args.of("cancelledBy", e.cancelledBy(), "reason", Objects.requireNonNullElse(e.reason(), "—")));
    }

    /** A new exchange event concerns every member of its cluster: it is open for their registration. */
    @RabbitHandler
    void on(EventPublished e) {
        notifier.notify(request(e, new Audience.ClusterMembers(e.clusterId()), Category.EVENTS,
                "events.event.published", Args.of("title", e.title(), "startsAt", e.startsAt(),
                        "venue", place(e.venue(), e.onlineLink()), "registrationClosesAt", e.registrationClosesAt()),
                e.timeZone(), eventLink(e.exchangeEventId()), null));
    }

    /** Consumed (events are published {@code mandatory}), but the attendee was there: nobody needs telling. */
    @RabbitHandler
    void on(AttendeeCheckedIn e) {
        log.debug("Attendee {} of registration {} checked in: nothing to tell", e.attendeeId(), e.registrationId());
    }

    @RabbitHandler
    void on(EventUpdated e) {
        Map<String, Object> args = Args.of("title", e.title(), "startsAt", e.startsAt(),
                "previousStartsAt", e.previousStartsAt(), "venue", place(e.venue(), e.onlineLink()),
                "previousVenue", place(e.previousVenue(), e.previousOnlineLink()));
        CalendarInvite calendar = new CalendarInvite(uid(e.exchangeEventId()), e.version(),
                CalendarInvite.Method.REQUEST, e.startsAt(), e.endsAt(), e.title(), place(e.venue(), e.onlineLink()),
                null);
        String key = e.changes().contains("TIME") ? "events.event.time-changed" : "events.event.place-changed";
        for (String enterprise : registered(e.exchangeEventId(), false)) {
            notifier.notify(request(e, new Audience.Enterprise(enterprise), Category.EVENTS, key, args,
                    e.timeZone(), eventLink(e.exchangeEventId()), calendar));
        }
    }

    @RabbitHandler
    void on(EventCancelled e) {
        Map<String, Object> args = Args.of("title", e.title(), "startsAt", e.startsAt(),
                "reason", Objects.requireNonNullElse(e.reason(), "—"));
        CalendarInvite calendar = new CalendarInvite(uid(e.exchangeEventId()), e.version(),
                CalendarInvite.Method.CANCEL, e.startsAt(), e.endsAt(), e.title(), place(e.venue(), e.onlineLink()),
                null);
        for (String enterprise : registered(e.exchangeEventId(), true)) {
            notifier.notify(request(e, new Audience.Enterprise(enterprise), Category.EVENTS, "events.event.cancelled",
                    args, e.timeZone(), eventLink(e.exchangeEventId()), calendar));
        }
    }

    @RabbitHandler
    void on(MeetingRequested e) {
        meeting(e, e.inviteeEnterpriseId(), "events.meeting.requested",
                Args.of("message", Objects.requireNonNullElse(e.message(), "—"), "expiresAt", e.expiresAt()));
    }

    @RabbitHandler
    void on(MeetingAccepted e) {
        meeting(e, e.requesterEnterpriseId(), "events.meeting.accepted", Args.of("table", e.tableName()));
    }

    @RabbitHandler
    void on(MeetingDeclined e) {
        meeting(e, e.requesterEnterpriseId(), "events.meeting.declined",
                Args.of("reason", Objects.requireNonNullElse(e.reason(), "—")));
    }

    /** The requester hears of an expired request; nobody acted, so the invitee is not told. */
    @RabbitHandler
    void on(MeetingExpired e) {
        meeting(e, e.requesterEnterpriseId(), "events.meeting.expired", Args.of());
    }

    /**
     * The enterprise that did not cancel; both when neither did (a registration or the event was cancelled), unless
     * the event was cancelled, which both hear of already.
     */
    @RabbitHandler
    void on(MeetingCancelled e) {
        Map<String, Object> args = Args.of("reason", Objects.requireNonNullElse(e.reason(), "—"));
        switch (e.cancelledBy()) {
            case "REQUESTER" -> meeting(e, e.inviteeEnterpriseId(), "events.meeting.cancelled", args);
            case "INVITEE" -> meeting(e, e.requesterEnterpriseId(), "events.meeting.cancelled", args);
            case EVENT_CANCELLED -> {
            }
            default -> {
                meeting(e, e.requesterEnterpriseId(), "events.meeting.cancelled", args);
                meeting(e, e.inviteeEnterpriseId(), "events.meeting.cancelled", args);
            }
        }
    }

    private void registration(RegistrationEvent e, String state, @Nullable String cancelledBy,
                              @Nullable String messageKey, Map<String, Object> extra) {
        projections.applyIfNewer(EventRegistration.COLLECTION, e.registrationId(), e.version(),
                new Update().set("exchangeEventId", e.exchangeEventId()).set("enterpriseId", e.enterpriseId())
                        .set("state", state).set("cancelledBy", cancelledBy));
        if (messageKey == null) {
            return;
        }
        Map<String, Object> args = Args.of("title", e.title(), "startsAt", e.startsAt(), "attendees", e.attendees());
        args.putAll(extra);
        notifier.notify(request(e, new Audience.Enterprise(e.enterpriseId()), Category.EVENTS, messageKey, args,
                e.timeZone(), eventLink(e.exchangeEventId()), null));
    }

    private void meeting(MeetingEvent e, String enterpriseId, String messageKey, Map<String, Object> extra) {
        Map<String, Object> args = Args.of("title", e.title(), "slotStartsAt", e.slotStartsAt());
        args.putAll(extra);
        notifier.notify(request(e, new Audience.Enterprise(enterpriseId), Category.EVENTS, messageKey, args,
                e.timeZone(), eventLink(e.exchangeEventId()) + "/meetings/" + e.meetingId(), null));
    }

    /**
     * The enterprises registered for an event, each once: every registration not ended, and with
     * {@code includeCancelledByEvent} also those the event's cancellation ended (their cancellations may arrive first).
     */
    private List<String> registered(String exchangeEventId, boolean includeCancelledByEvent) {
        Criteria open = Criteria.where("state").nin("CANCELLED", "DECLINED");
        Criteria criteria = includeCancelledByEvent
                ? new Criteria().orOperator(open, Criteria.where("cancelledBy").is(EVENT_CANCELLED))
                : open;
        return mongo.find(Query.query(Criteria.where("exchangeEventId").is(exchangeEventId)).addCriteria(criteria),
                        EventRegistration.class).stream()
                .map(EventRegistration::enterpriseId).distinct().toList();
    }

    private static @Nullable String place(@Nullable String venue, @Nullable String onlineLink) {
        if (venue != null && onlineLink != null) {
            return venue + " / " + onlineLink;
        }
        return venue != null ? venue : onlineLink;
    }

    private static String uid(String exchangeEventId) {
        return "event-" + exchangeEventId + "@brandcluster";
    }

    private static String eventLink(String exchangeEventId) {
        return "/events/" + exchangeEventId;
    }
}
