package com.brandcluster.notification.reminder;

import com.brandcluster.contracts.EventFixtures;
import com.brandcluster.contracts.events.EventCancelled;
import com.brandcluster.contracts.events.EventUpdated;
import com.brandcluster.contracts.events.RegistrationConfirmed;
import com.brandcluster.contracts.membership.ConventionBallotClosingSoon;
import com.brandcluster.contracts.membership.MemberAdmitted;
import com.brandcluster.contracts.membership.MembershipStatusChanged;
import com.brandcluster.contracts.salons.ConsultationBooked;
import com.brandcluster.contracts.salons.ConsultationCancelled;
import com.brandcluster.contracts.salons.ConsultationConfirmed;
import com.brandcluster.contracts.salons.ConsultationRescheduled;
import com.brandcluster.contracts.salons.SalonRegistrationCancelled;
import com.brandcluster.contracts.salons.SalonRegistrationConfirmed;
import com.brandcluster.notification.inbox.Audience;
import com.brandcluster.notification.inbox.Category;
import com.brandcluster.notification.inbox.NotificationRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders scheduled from the shared fixtures handed straight to the listener, and sent by rounds of the job as of
 * instants the tests choose: a day and an hour ahead exactly once, moved by a reschedule, dropped by a cancellation,
 * never twice across rounds, restarts or instances.
 */
class ReminderScheduleIT extends ReminderIntegrationTest {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration HOUR = Duration.ofHours(1);

    @Autowired
    private ReminderEvents events;
    @Autowired
    private ReminderProperties properties;

    @Test
    void remindsTheEnterpriseAndTheExpertOfAConfirmedConsultationADayAndAnHourAheadExactlyOnce() throws Exception {
        String consultation = newId("consultation");
        Instant start = NOW.plus(Duration.ofDays(3));
        events.on(consultationEvent(ConsultationBooked.class, consultation, 1, start, Map.of("state", "CONFIRMED")));
        String dayKey = "reminder:consultation:" + consultation + ":" + start + ":PT24H";
        String hourKey = "reminder:consultation:" + consultation + ":" + start + ":PT1H";

        assertThat(roundAt(start.minus(DAY).minusSeconds(1))).as("not due yet").isZero();
        assertThat(roundAt(start.minus(DAY))).isEqualTo(1);
        assertThat(roundAt(start.minus(DAY).plusSeconds(60))).as("the next round").isZero();
        assertThat(atOnce(start.minus(Duration.ofHours(2)), 3)).as("other instances").containsOnly(0);
        assertThat(atOnce(start.minus(HOUR), 3)).as("instances racing").containsExactlyInAnyOrder(1, 0, 0);
        assertThat(roundAt(start.minusSeconds(60))).as("a restart").isZero();

        assertThat(notifier.audiencesOf(dayKey)).containsExactly(new Audience.Enterprise("ent-opal-lighting"),
                new Audience.User("expert-wang-li"));
        NotificationRequest day = notifier.about(dayKey).getFirst();
        assertThat(day.category()).isEqualTo(Category.CONSULTATIONS);
        assertThat(day.messageKey()).isEqualTo("reminder.consultation.day");
        assertThat(day.args()).containsEntry("expert", "Wang Li").containsEntry("start", start)
                .containsKey("topic");
        assertThat(day.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(day.link()).isEqualTo("/salons/consultations/" + consultation);
        assertThat(notifier.about(hourKey)).extracting(NotificationRequest::messageKey)
                .containsOnly("reminder.consultation.hour");
        assertThat(notifier.aboutSubject(consultation)).as("one call per audience and reminder, whatever raced")
                .hasSizeBetween(4, 4 + 2 * 2);
        assertThat(reminder(dayKey).state()).isEqualTo(Reminder.State.SENT);
        assertThat(reminder(hourKey).state()).isEqualTo(Reminder.State.SENT);
    }

    @Test
    void aBookingThreeHoursAheadGetsOnlyTheHourReminder() {
        String consultation = newId("consultation");
        Instant start = NOW.plus(Duration.ofHours(3));
        events.on(consultationEvent(ConsultationConfirmed.class, consultation, 2, start, Map.of()));

        assertThat(roundAt(start.minus(Duration.ofHours(2)))).isZero();
        assertThat(roundAt(start.minus(HOUR))).isEqualTo(1);

        assertThat(notifier.aboutSubject(consultation)).extracting(NotificationRequest::sourceId)
                .containsOnly("reminder:consultation:" + consultation + ":" + start + ":PT1H");
    }

    @Test
    void aPendingBookingIsRemindedOnlyOnceConfirmedAndOnlyOfLeadsStillAhead() {
        String consultation = newId("consultation");
        Instant start = NOW.plus(Duration.ofDays(2));
        events.on(consultationEvent(ConsultationBooked.class, consultation, 1, start, Map.of("state", "PENDING")));
        assertThat(roundAt(start.minus(DAY).plusSeconds(60))).isZero();

        events.on(consultationEvent(ConsultationConfirmed.class, consultation, 2, start, Map.of()));

        assertThat(roundAt(start.minus(HOUR))).isEqualTo(1);
        assertThat(notifier.aboutSubject(consultation)).extracting(NotificationRequest::messageKey)
                .containsOnly("reminder.consultation.hour");
    }

    @Test
    void aRescheduleMovesTheRemindersAndALateOlderEventDoesNotMoveThemBack() {
        String consultation = newId("consultation");
        Instant first = NOW.plus(Duration.ofDays(2));
        Instant moved = NOW.plus(Duration.ofDays(4));
        ConsultationBooked booked = consultationEvent(ConsultationBooked.class, consultation, 1, first,
                Map.of("state", "CONFIRMED"));
        events.on(booked);

        events.on(consultationEvent(ConsultationRescheduled.class, consultation, 2, moved,
                Map.of("state", "CONFIRMED", "previousStartsAt", first.toString(),
                        "previousEndsAt", first.plus(HOUR).toString())));
        events.on(booked);

        assertThat(roundAt(first.minus(HOUR))).as("the old start is not reminded of").isZero();
        assertThat(reminder("reminder:consultation:" + consultation + ":" + first + ":PT24H").state())
                .isEqualTo(Reminder.State.DROPPED);
        assertThat(roundAt(moved.minus(DAY))).isEqualTo(1);
        assertThat(notifier.aboutSubject(consultation)).extracting(NotificationRequest::sourceId)
                .containsOnly("reminder:consultation:" + consultation + ":" + moved + ":PT24H");
    }

    @Test
    void aCancellationDropsTheRemindersEvenWhenItArrivesFirst() {
        String cancelledFirst = newId("consultation");
        String cancelledLater = newId("consultation");
        Instant start = NOW.plus(Duration.ofDays(2));
        events.on(consultationEvent(ConsultationCancelled.class, cancelledFirst, 3, start, Map.of()));
        events.on(consultationEvent(ConsultationConfirmed.class, cancelledFirst, 2, start, Map.of()));
        events.on(consultationEvent(ConsultationConfirmed.class, cancelledLater, 2, start, Map.of()));
        events.on(consultationEvent(ConsultationCancelled.class, cancelledLater, 3, start, Map.of()));

        assertThat(roundAt(start.minus(DAY))).isZero();
        assertThat(roundAt(start.minus(HOUR))).isZero();

        assertThat(notifier.all()).isEmpty();
    }

    @Test
    void aSalonRegistrationIsRemindedUntilCancelled() {
        String kept = newId("registration");
        String cancelled = newId("registration");
        Instant start = NOW.plus(Duration.ofDays(5));
        events.on(salonEvent(SalonRegistrationConfirmed.class, kept, 1, start));
        events.on(salonEvent(SalonRegistrationConfirmed.class, cancelled, 1, start));
        events.on(salonEvent(SalonRegistrationCancelled.class, cancelled, 2, start));

        assertThat(roundAt(start.minus(DAY))).isEqualTo(1);

        NotificationRequest sent = notifier.about("reminder:salon:" + kept + ":" + start + ":PT24H").getFirst();
        assertThat(sent.audience()).isEqualTo(new Audience.Enterprise("ent-opal-lighting"));
        assertThat(sent.category()).isEqualTo(Category.SALONS);
        assertThat(sent.messageKey()).isEqualTo("reminder.salon.day");
        assertThat(notifier.aboutSubject(cancelled)).isEmpty();
    }

    @Test
    void anEventRegistrationFollowsItsEventWhenItMovesAndIsDroppedWhenItIsCancelled() {
        String exchangeEvent = newId("event");
        String registration = newId("registration");
        Instant start = NOW.plus(Duration.ofDays(5));
        Instant moved = NOW.plus(Duration.ofDays(7));
        events.on(registrationConfirmed(registration, exchangeEvent, start, NOW.minusSeconds(60)));
        events.on(EventFixtures.event(EventUpdated.class, Map.of("exchangeEventId", exchangeEvent, "version", 3,
                "occurredAt", NOW.toString(), "startsAt", moved.toString(), "endsAt", moved.plus(HOUR).toString())));

        assertThat(roundAt(start.minus(DAY))).as("the old start").isZero();
        assertThat(roundAt(moved.minus(DAY))).isEqualTo(1);
        assertThat(notifier.about("reminder:event:" + registration + ":" + moved + ":PT24H"))
                .extracting(NotificationRequest::category).containsExactly(Category.EVENTS);

        String late = newId("registration");
        events.on(registrationConfirmed(late, exchangeEvent, start, NOW.minusSeconds(30)));
        assertThat(reminder("reminder:event:" + late + ":" + moved + ":PT1H").state())
                .as("a registration announced with the start before the update follows the update")
                .isEqualTo(Reminder.State.SCHEDULED);

        events.on(EventFixtures.event(EventCancelled.class, Map.of("exchangeEventId", exchangeEvent, "version", 4,
                "occurredAt", moved.minus(DAY).toString(), "startsAt", moved.toString())));
        assertThat(roundAt(moved.minus(HOUR))).isZero();
        assertThat(reminder("reminder:event:" + registration + ":" + moved + ":PT1H").state())
                .isEqualTo(Reminder.State.DROPPED);
    }

    @Test
    void aMembershipIsRemindedThirtyDaysBeforeItExpiresAndRenewalMovesTheReminder() {
        String membership = newId("membership");
        LocalDate validUntil = LocalDate.parse("2026-12-31");
        Instant expires = Instant.parse("2026-12-31T16:00:00Z"); // midnight in Shanghai
        events.on(EventFixtures.event(MemberAdmitted.class, Map.of("membershipId", membership, "version", 1,
                "validUntil", validUntil.toString())));
        LocalDate renewed = LocalDate.parse("2027-12-31");
        Instant renewedExpiry = Instant.parse("2027-12-31T16:00:00Z");

        assertThat(roundAt(expires.minus(properties.membershipLead()).minusSeconds(1))).isZero();
        assertThat(roundAt(expires.minus(properties.membershipLead()))).isEqualTo(1);
        events.on(statusChanged(membership, 2, "ACTIVE", renewed, "RENEWED"));
        assertThat(roundAt(renewedExpiry.minus(properties.membershipLead()))).isEqualTo(1);

        String firstKey = "reminder:membership:" + membership + ":" + expires + ":PT720H";
        assertThat(notifier.aboutSubject(membership)).extracting(NotificationRequest::sourceId)
                .containsExactly(firstKey, "reminder:membership:" + membership + ":" + renewedExpiry + ":PT720H");
        NotificationRequest sent = notifier.about(firstKey).getFirst();
        assertThat(sent.category()).isEqualTo(Category.MEMBERSHIP);
        assertThat(sent.messageKey()).isEqualTo("reminder.membership.expiry");
        assertThat(sent.args()).containsEntry("date", "2026-12-31").containsEntry("cluster", "lighting");
        assertThat(sent.audience()).isEqualTo(new Audience.Enterprise("ent-opal-lighting"));
    }

    @Test
    void aSuspendedOrLapsedMembershipIsNotRemindedAndAReinstatedOneIsAgain() {
        String membership = newId("membership");
        LocalDate validUntil = LocalDate.parse("2026-12-31");
        Instant due = Instant.parse("2026-12-31T16:00:00Z").minus(properties.membershipLead());
        events.on(EventFixtures.event(MemberAdmitted.class, Map.of("membershipId", membership, "version", 1,
                "validUntil", validUntil.toString())));
        events.on(statusChanged(membership, 2, "SUSPENDED", validUntil, "SUSPENDED"));
        assertThat(roundAt(due)).isZero();

        events.on(statusChanged(membership, 3, "ACTIVE", validUntil, "REINSTATED"));

        assertThat(roundAt(due.plusSeconds(60))).isEqualTo(1);
        String lapsed = newId("membership");
        events.on(statusChanged(lapsed, 5, "LAPSED", validUntil, "LAPSED"));
        assertThat(roundAt(due.plusSeconds(120))).isZero();
        assertThat(notifier.aboutSubject(lapsed)).isEmpty();
    }

    @Test
    void aBallotClosingSoonRemindsEachEnterpriseThatHasNotVotedOnce() {
        UUID eventId = UUID.randomUUID();
        ConventionBallotClosingSoon closing = EventFixtures.event(ConventionBallotClosingSoon.class,
                Map.of("eventId", eventId.toString()));

        events.on(closing);

        List<NotificationRequest> sent = notifier.about(eventId.toString());
        assertThat(sent).extracting(NotificationRequest::audience).containsExactly(
                new Audience.Enterprise("ent-foshan-lighting"), new Audience.Enterprise("ent-nvc-lighting"));
        assertThat(sent).allSatisfy(request -> {
            assertThat(request.category()).isEqualTo(Category.BALLOTS);
            assertThat(request.messageKey()).isEqualTo("reminder.ballot.closing-soon");
            assertThat(request.args()).containsEntry("title", closing.title())
                    .containsEntry("closesAt", closing.closesAt());
        });
    }

    @Test
    void aScheduledRoundRemindsAsOfTheClockAndForgetsRemindersLongPast() {
        String consultation = newId("consultation");
        Instant start = NOW.plus(Duration.ofDays(2));
        events.on(consultationEvent(ConsultationConfirmed.class, consultation, 2, start, Map.of()));
        String dayKey = "reminder:consultation:" + consultation + ":" + start + ":PT24H";
        String hourKey = "reminder:consultation:" + consultation + ":" + start + ":PT1H";

        clock.set(start.minus(DAY));
        job.run();

        assertThat(reminder(dayKey).state()).isEqualTo(Reminder.State.SENT);
        assertThat(notifier.about(dayKey)).hasSize(2);
        clock.set(start.plus(ReminderJob.KEPT_AFTER_START));
        job.run();
        assertThat(reminder(dayKey)).as("kept until 30 days after the start").isNotNull();
        assertThat(notifier.about(hourKey)).as("missed until its start: not sent late").isEmpty();
        clock.set(start.plus(ReminderJob.KEPT_AFTER_START).plusSeconds(1));
        job.run();
        assertThat(reminder(dayKey)).isNull();
        assertThat(reminder(hourKey)).isNull();
    }

    // --- fixtures --------------------------------------------------------------------------------------------------

    private static <T extends com.brandcluster.contracts.DomainEvent> T consultationEvent(
            Class<T> type, String consultationId, long version, Instant start, Map<String, ?> overrides) {
        Map<String, Object> fields = new HashMap<>(overrides);
        fields.put("eventId", UUID.randomUUID().toString());
        fields.put("consultationId", consultationId);
        fields.put("version", version);
        fields.put("startsAt", start.toString());
        fields.put("endsAt", start.plus(HOUR).toString());
        fields.put("expertId", "expert-wang-li");
        fields.put("expertName", "Wang Li");
        fields.put("expertTimeZone", "Asia/Shanghai");
        fields.put("enterpriseId", "ent-opal-lighting");
        return EventFixtures.event(type, fields);
    }

    private static <T extends com.brandcluster.contracts.DomainEvent> T salonEvent(
            Class<T> type, String registrationId, long version, Instant start) {
        return EventFixtures.event(type, Map.of("eventId", UUID.randomUUID().toString(),
                "registrationId", registrationId, "version", version, "startsAt", start.toString(),
                "enterpriseId", "ent-opal-lighting"));
    }

    private static RegistrationConfirmed registrationConfirmed(String registrationId, String exchangeEventId,
                                                               Instant start, Instant occurredAt) {
        return EventFixtures.event(RegistrationConfirmed.class, Map.of("eventId", UUID.randomUUID().toString(),
                "registrationId", registrationId, "exchangeEventId", exchangeEventId, "version", 1,
                "startsAt", start.toString(), "occurredAt", occurredAt.toString()));
    }

    private static MembershipStatusChanged statusChanged(String membershipId, long version, String status,
                                                         LocalDate validUntil, String change) {
        return EventFixtures.event(MembershipStatusChanged.class, Map.of("eventId", UUID.randomUUID().toString(),
                "membershipId", membershipId, "version", version, "status", status, "validUntil",
                validUntil.toString(), "change", change));
    }

    /** {@code instances} rounds as of the same instant, released together as several instances would run them. */
    private List<Integer> atOnce(Instant now, int instances) throws Exception {
        clock.set(now);
        List<Callable<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            rounds.add(() -> job.remind(now));
        }
        List<Integer> sent = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
            for (Future<Integer> each : pool.invokeAll(rounds)) {
                sent.add(each.get());
            }
        }
        return sent;
    }
}
