package com.brandcluster.notification.salons;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.salons.ConsultationBooked;
import com.brandcluster.contracts.salons.ConsultationCancelled;
import com.brandcluster.contracts.salons.ConsultationConfirmed;
import com.brandcluster.contracts.salons.ConsultationNoShow;
import com.brandcluster.contracts.salons.ConsultationRescheduled;
import com.brandcluster.contracts.salons.SalonRegistrationCancelled;
import com.brandcluster.contracts.salons.SalonRegistrationConfirmed;
import com.brandcluster.contracts.salons.SalonSessionBooked;
import com.brandcluster.contracts.salons.SalonSessionConfirmed;
import com.brandcluster.contracts.salons.SalonSessionReleased;
import com.brandcluster.contracts.salons.SalonWaitlistOffered;
import com.brandcluster.notification.RecordingNotifier;
import com.brandcluster.notification.inbox.Audience;
import com.brandcluster.notification.inbox.Category;
import com.brandcluster.notification.inbox.NotificationRequest;
import com.brandcluster.notification.mail.CalendarInvite;
import com.brandcluster.notification.mail.CalendarInvite.Method;

import static org.assertj.core.api.Assertions.assertThat;

/** Expert-salon-service's fixtures to audiences, categories, keys, arguments and calendar entries. */
class SalonNotificationsTest {

    private final RecordingNotifier notifier = new RecordingNotifier();
    private final SalonNotifications notifications = new SalonNotifications(notifier);

    @Test
    void aPendingBookingAsksTheExpertToConfirmAndTellsTheEnterpriseWithACalendarRequest() {
        ConsultationBooked booked = EventFixtures.event(ConsultationBooked.class);

        notifications.on(booked);

        List<NotificationRequest> requests = notifier.requests();
        assertThat(requests).extracting(NotificationRequest::audience).containsExactly(
                new Audience.Enterprise("ent-opal-lighting"),
                new Audience.User("0d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a"));
        assertThat(requests).extracting(NotificationRequest::messageKey).containsExactly(
                "salons.consultation.booked.pending", "salons.consultation.booked-expert.pending");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.sourceId()).isEqualTo(booked.eventId().toString());
            assertThat(r.category()).isEqualTo(Category.CONSULTATIONS);
            assertThat(r.timeZone()).isEqualTo("Asia/Shanghai");
            assertThat(r.link()).isEqualTo("/salons/consultations/6a3c4d5e6f708192a3b4c5d6");
            assertThat(r.args()).containsEntry("expert", "Wang Lei").containsEntry("topic", "BRAND_EVALUATION")
                    .containsEntry("startsAt", booked.startsAt());
            assertThat(r.calendar()).isEqualTo(new CalendarInvite("consultation-6a3c4d5e6f708192a3b4c5d6@brandcluster",
                    0, Method.REQUEST, booked.startsAt(), booked.endsAt(), "BRAND_EVALUATION (Wang Lei)", null,
                    null));
        });
    }

    @Test
    void confirmationsAndReschedulesUpdateTheCalendarEntryWithTheConsultationsVersion() {
        ConsultationConfirmed confirmed = EventFixtures.event(ConsultationConfirmed.class);
        ConsultationRescheduled rescheduled = EventFixtures.event(ConsultationRescheduled.class);

        notifications.on(confirmed);
        notifications.on(rescheduled);

        assertThat(notifier.requests()).extracting(NotificationRequest::messageKey).containsExactly(
                "salons.consultation.confirmed", "salons.consultation.confirmed-expert",
                "salons.consultation.rescheduled", "salons.consultation.rescheduled-expert");
        assertThat(notifier.requests().get(2).calendar().sequence()).isEqualTo(rescheduled.version());
        assertThat(notifier.requests().get(2).calendar().start()).isEqualTo(rescheduled.startsAt());
        assertThat(notifier.requests().get(2).args()).containsEntry("previousStartsAt", rescheduled.previousStartsAt());
        assertThat(notifier.requests().getFirst().calendar().method()).isEqualTo(Method.REQUEST);
    }

    @Test
    void aCancellationCancelsTheCalendarEntryWithItsReasonAndANoShowHasNone() {
        ConsultationCancelled cancelled = EventFixtures.event(ConsultationCancelled.class);

        notifications.on(cancelled);
        notifications.on(EventFixtures.event(ConsultationNoShow.class));

        NotificationRequest toEnterprise = notifier.requests().getFirst();
        assertThat(toEnterprise.messageKey()).isEqualTo("salons.consultation.cancelled");
        assertThat(toEnterprise.calendar().method()).isEqualTo(Method.CANCEL);
        assertThat(toEnterprise.calendar().sequence()).isEqualTo(cancelled.version());
        assertThat(toEnterprise.args()).containsKey("reason");
        assertThat(notifier.requests().subList(2, 4)).extracting(NotificationRequest::messageKey)
                .containsExactly("salons.consultation.no-show", "salons.consultation.no-show-expert");
        assertThat(notifier.requests().subList(2, 4)).allSatisfy(r -> assertThat(r.calendar()).isNull());
    }

    @Test
    void salonRegistrationsAndOffersReachTheEnterpriseWithACalendarEntry() {
        SalonRegistrationConfirmed confirmed = EventFixtures.event(SalonRegistrationConfirmed.class);
        SalonWaitlistOffered offered = EventFixtures.event(SalonWaitlistOffered.class);

        notifications.on(confirmed);
        notifications.on(offered);
        notifications.on(EventFixtures.event(SalonRegistrationCancelled.class));

        assertThat(notifier.requests()).extracting(NotificationRequest::messageKey).containsExactly(
                "salons.registration.confirmed", "salons.waitlist.offered", "salons.registration.cancelled");
        assertThat(notifier.requests()).allSatisfy(r -> {
            assertThat(r.category()).isEqualTo(Category.SALONS);
            assertThat(r.audience()).isEqualTo(new Audience.Enterprise(confirmed.enterpriseId()));
            assertThat(r.calendar().uid()).startsWith("salon-registration-");
        });
        NotificationRequest offer = notifier.requests().get(1);
        assertThat(offer.args()).containsEntry("offerExpiresAt", offered.offerExpiresAt());
        assertThat(offer.calendar().end()).isEqualTo(offered.startsAt().plus(Duration.ofHours(2)));
        assertThat(notifier.requests().get(2).calendar().method()).isEqualTo(Method.CANCEL);
    }

    @Test
    void aSessionBookingReachesTheExpertAndTheSecretariatAndItsConfirmationOrReleaseTheExpert() {
        SalonSessionBooked booked = EventFixtures.event(SalonSessionBooked.class);

        notifications.on(booked);
        notifications.on(EventFixtures.event(SalonSessionConfirmed.class));
        notifications.on(EventFixtures.event(SalonSessionReleased.class, Map.of("previousState", "CONFIRMED")));

        assertThat(notifier.requests()).extracting(NotificationRequest::audience).containsExactly(
                new Audience.User(booked.expertId()), new Audience.Secretariat(booked.clusterId()),
                new Audience.User(booked.expertId()), new Audience.User(booked.expertId()));
        assertThat(notifier.requests()).extracting(NotificationRequest::messageKey).containsExactly(
                "salons.session.booked", "salons.session.booked-secretariat", "salons.session.confirmed",
                "salons.session.released");
        assertThat(notifier.requests().get(2).calendar().method()).isEqualTo(Method.REQUEST);
        assertThat(notifier.requests().get(3).calendar().method()).isEqualTo(Method.CANCEL);
    }
}
