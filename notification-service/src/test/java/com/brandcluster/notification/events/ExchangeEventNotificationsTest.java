package com.brandcluster.notification.events;

import java.util.List;
import java.util.Map;
import org.bson.Document;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.events.EventCancelled;
import com.brandcluster.contracts.events.EventUpdated;
import com.brandcluster.contracts.events.MeetingAccepted;
import com.brandcluster.contracts.events.MeetingCancelled;
import com.brandcluster.contracts.events.MeetingDeclined;
import com.brandcluster.contracts.events.MeetingExpired;
import com.brandcluster.contracts.events.MeetingRequested;
import com.brandcluster.contracts.events.RegistrationCancelled;
import com.brandcluster.contracts.events.RegistrationConfirmed;
import com.brandcluster.contracts.events.RegistrationDeclined;
import com.brandcluster.contracts.events.RegistrationOffered;
import com.brandcluster.contracts.events.RegistrationPending;
import com.brandcluster.contracts.events.RegistrationWaitlisted;
import com.brandcluster.notification.RecordingNotifier;
import com.brandcluster.notification.inbox.Audience;
import com.brandcluster.notification.inbox.Category;
import com.brandcluster.notification.inbox.NotificationRequest;
import com.brandcluster.notification.mail.CalendarInvite.Method;
import com.brandcluster.platform.messaging.Projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Events-service's fixtures to audiences, categories, keys, arguments and calendar entries. */
class ExchangeEventNotificationsTest {

    private final RecordingNotifier notifier = new RecordingNotifier();
    private final Projections projections = mock(Projections.class);
    private final MongoOperations mongo = mock(MongoOperations.class);
    private final ExchangeEventNotifications notifications =
            new ExchangeEventNotifications(notifier, projections, mongo);

    @Test
    void everyRegistrationStepReachesTheRegisteringEnterpriseAndIsKept() {
        RegistrationConfirmed confirmed = EventFixtures.event(RegistrationConfirmed.class);

        notifications.on(confirmed);
        notifications.on(EventFixtures.event(RegistrationPending.class));
        notifications.on(EventFixtures.event(RegistrationWaitlisted.class));
        notifications.on(EventFixtures.event(RegistrationOffered.class));
        notifications.on(EventFixtures.event(RegistrationDeclined.class));
        notifications.on(EventFixtures.event(RegistrationCancelled.class, Map.of("cancelledBy", "ENTERPRISE")));

        assertThat(notifier.requests()).extracting(NotificationRequest::messageKey).containsExactly(
                "events.registration.confirmed", "events.registration.pending", "events.registration.waitlisted",
                "events.registration.offered", "events.registration.declined", "events.registration.cancelled");
        assertThat(notifier.requests()).allSatisfy(r -> {
            assertThat(r.audience()).isEqualTo(new Audience.Enterprise(confirmed.enterpriseId()));
            assertThat(r.category()).isEqualTo(Category.EVENTS);
            assertThat(r.timeZone()).isEqualTo("Asia/Shanghai");
            assertThat(r.link()).isEqualTo("/events/" + confirmed.exchangeEventId());
        });
        verify(projections).applyIfNewer(eq(EventRegistration.COLLECTION), eq(confirmed.registrationId()),
                eq(confirmed.version()), argThat(update -> "CONFIRMED".equals(set(update).get("state"))));
    }

    @Test
    void aCancellationByTheEventsCancellationIsKeptButNotToldTwice() {
        RegistrationCancelled cancelled = EventFixtures.event(RegistrationCancelled.class,
                Map.of("cancelledBy", "EVENT_CANCELLED"));

        notifications.on(cancelled);

        assertThat(notifier.requests()).isEmpty();
        verify(projections).applyIfNewer(eq(EventRegistration.COLLECTION), eq(cancelled.registrationId()),
                eq(cancelled.version()), argThat(update -> "EVENT_CANCELLED".equals(set(update).get("cancelledBy"))));
    }

    @Test
    void aChangedTimeOrACancellationReachesEachRegisteredEnterpriseOnceWithTheCalendarEntry() {
        EventUpdated updated = EventFixtures.event(EventUpdated.class, Map.of("changes", List.of("TIME")));
        EventCancelled cancelled = EventFixtures.event(EventCancelled.class);
        when(mongo.find(any(Query.class), eq(EventRegistration.class))).thenReturn(List.of(
                registration("r1", "ent-a"), registration("r2", "ent-b"), registration("r3", "ent-a")));

        notifications.on(updated);
        notifications.on(cancelled);

        assertThat(notifier.requests()).extracting(NotificationRequest::audience).containsExactly(
                new Audience.Enterprise("ent-a"), new Audience.Enterprise("ent-b"),
                new Audience.Enterprise("ent-a"), new Audience.Enterprise("ent-b"));
        NotificationRequest moved = notifier.requests().getFirst();
        assertThat(moved.messageKey()).isEqualTo("events.event.time-changed");
        assertThat(moved.args()).containsEntry("startsAt", updated.startsAt())
                .containsEntry("previousStartsAt", updated.previousStartsAt());
        assertThat(moved.calendar().method()).isEqualTo(Method.REQUEST);
        assertThat(moved.calendar().sequence()).isEqualTo(updated.version());
        NotificationRequest off = notifier.requests().get(2);
        assertThat(off.messageKey()).isEqualTo("events.event.cancelled");
        assertThat(off.args()).containsEntry("reason", cancelled.reason());
        assertThat(off.calendar().method()).isEqualTo(Method.CANCEL);
        assertThat(off.calendar().uid()).isEqualTo("event-" + cancelled.exchangeEventId() + "@brandcluster");
        assertThat(off.calendar().end()).isEqualTo(cancelled.endsAt());
    }

    @Test
    void aChangedPlaceIsToldAsSuch() {
        when(mongo.find(any(Query.class), eq(EventRegistration.class))).thenReturn(List.of(registration("r", "e")));

        notifications.on(EventFixtures.event(EventUpdated.class, Map.of("changes", List.of("PLACE"))));

        assertThat(notifier.only().messageKey()).isEqualTo("events.event.place-changed");
    }

    @Test
    void aMeetingStepReachesTheOtherEnterprise() {
        MeetingRequested requested = EventFixtures.event(MeetingRequested.class);

        notifications.on(requested);
        notifications.on(EventFixtures.event(MeetingAccepted.class));
        notifications.on(EventFixtures.event(MeetingDeclined.class));
        notifications.on(EventFixtures.event(MeetingExpired.class));

        assertThat(notifier.requests()).extracting(NotificationRequest::audience).containsExactly(
                new Audience.Enterprise(requested.inviteeEnterpriseId()),
                new Audience.Enterprise(requested.requesterEnterpriseId()),
                new Audience.Enterprise(requested.requesterEnterpriseId()),
                new Audience.Enterprise(requested.requesterEnterpriseId()));
        assertThat(notifier.requests()).extracting(NotificationRequest::messageKey).containsExactly(
                "events.meeting.requested", "events.meeting.accepted", "events.meeting.declined",
                "events.meeting.expired");
        assertThat(notifier.requests().getFirst().link())
                .isEqualTo("/events/" + requested.exchangeEventId() + "/meetings/" + requested.meetingId());
    }

    @Test
    void aCancelledMeetingReachesTheEnterpriseThatDidNotCancelIt() {
        MeetingCancelled byRequester = EventFixtures.event(MeetingCancelled.class, Map.of("cancelledBy", "REQUESTER"));

        notifications.on(byRequester);
        notifications.on(EventFixtures.event(MeetingCancelled.class, Map.of("cancelledBy", "INVITEE")));
        notifications.on(EventFixtures.event(MeetingCancelled.class, Map.of("cancelledBy", "REGISTRATION_CANCELLED")));
        notifications.on(EventFixtures.event(MeetingCancelled.class, Map.of("cancelledBy", "EVENT_CANCELLED")));

        assertThat(notifier.requests()).extracting(NotificationRequest::audience).containsExactly(
                new Audience.Enterprise(byRequester.inviteeEnterpriseId()),
                new Audience.Enterprise(byRequester.requesterEnterpriseId()),
                new Audience.Enterprise(byRequester.requesterEnterpriseId()),
                new Audience.Enterprise(byRequester.inviteeEnterpriseId()));
    }

    private static EventRegistration registration(String id, String enterprise) {
        return new EventRegistration(id, "event", enterprise, "CONFIRMED", null, 1);
    }

    private static Document set(Update update) {
        return (Document) update.getUpdateObject().get("$set");
    }
}
