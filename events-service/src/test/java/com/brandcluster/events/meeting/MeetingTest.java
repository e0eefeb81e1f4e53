package com.brandcluster.events.meeting;

import com.brandcluster.platform.web.ConflictException;
import com.brandcluster.platform.web.UnprocessableException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeetingTest {

    private static final Instant REQUESTED_AT = Instant.parse("2026-06-01T02:00:00Z");
    private static final Instant EXPIRES_AT = REQUESTED_AT.plus(Duration.ofHours(48));
    private static final Meeting.SlotTimes SLOT = new Meeting.SlotTimes(Instant.parse("2026-06-18T06:00:00Z"),
            Instant.parse("2026-06-18T06:30:00Z"));

    @Test
    void aRequestStartsRequestedAtVersionOne() {
        Meeting meeting = requested();

        assertThat(meeting.status()).isEqualTo(Meeting.Status.REQUESTED);
        assertThat(meeting.version()).isEqualTo(1);
        assertThat(meeting.isParty("ent-opal")).isTrue();
        assertThat(meeting.isParty("ent-guzhen")).isTrue();
        assertThat(meeting.isParty("ent-other")).isFalse();
        assertThat(meeting.wasAccepted()).isFalse();
    }

    @Test
    void anEnterpriseDoesNotRequestAMeetingWithItself() {
        assertThatThrownBy(() -> Meeting.request("m1", "e1", "lighting", "s1", SLOT, "ent-opal", "ent-opal", null,
                EXPIRES_AT, "user", REQUESTED_AT))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.type()).isEqualTo("meeting-with-oneself"));
    }

    @Test
    void acceptingTakesTheTableAndTheAttemptAndCountsAVersion() {
        Meeting meeting = requested();

        meeting.accept(SLOT, "t1", "Table 1", "attempt-1", "invitee", REQUESTED_AT.plusSeconds(60));

        assertThat(meeting.status()).isEqualTo(Meeting.Status.ACCEPTED);
        assertThat(meeting.tableName()).isEqualTo("Table 1");
        assertThat(meeting.acceptance()).isEqualTo("attempt-1");
        assertThat(meeting.wasAccepted()).isTrue();
        assertThat(meeting.version()).isEqualTo(2);
        assertThat(meeting.previousStatus()).isEqualTo(Meeting.Status.REQUESTED);
    }

    @Test
    void aRequestIsNoLongerAcceptedOnceItsTimeRanOutOrItsSlotBegan() {
        Meeting late = requested();
        assertThatThrownBy(() -> late.accept(SLOT, "t1", "Table 1", "a", "invitee", EXPIRES_AT))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.type()).isEqualTo("meeting-expired");
                    assertThat(e.properties()).containsEntry("currentState", "EXPIRED");
                });

        Meeting.SlotTimes early = new Meeting.SlotTimes(REQUESTED_AT.plusSeconds(3600),
                REQUESTED_AT.plusSeconds(5400));
        Meeting slotBegan = requested();
        assertThatThrownBy(() -> slotBegan.accept(early, "t1", "Table 1", "a", "invitee",
                REQUESTED_AT.plusSeconds(3600)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.type()).isEqualTo("meeting-expired"));
        assertThat(late.status()).isEqualTo(Meeting.Status.REQUESTED);
    }

    @Test
    void onlyARequestIsDeclinedAndTheReasonIsKept() {
        Meeting meeting = requested();

        meeting.decline("Only there in the morning", "invitee", REQUESTED_AT.plusSeconds(60));

        assertThat(meeting.status()).isEqualTo(Meeting.Status.DECLINED);
        assertThat(meeting.lastReason()).isEqualTo("Only there in the morning");
        assertThatThrownBy(() -> meeting.decline(null, "invitee", REQUESTED_AT.plusSeconds(90)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.type()).isEqualTo("meeting-state");
                    assertThat(e.properties()).containsEntry("currentState", "DECLINED");
                });
        Meeting accepted = accepted();
        assertThatThrownBy(() -> accepted.decline(null, "invitee", REQUESTED_AT.plusSeconds(90)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void requestedAndAcceptedMeetingsAreCancelledAndNothingElse() {
        Meeting request = requested();
        request.cancel(Meeting.CancelledBy.REQUESTER, null, "requester", REQUESTED_AT.plusSeconds(60));
        assertThat(request.status()).isEqualTo(Meeting.Status.CANCELLED);
        assertThat(request.previousStatus()).isEqualTo(Meeting.Status.REQUESTED);

        Meeting accepted = accepted();
        accepted.cancel(Meeting.CancelledBy.INVITEE, "Flight moved", "invitee", REQUESTED_AT.plusSeconds(120));
        assertThat(accepted.status()).isEqualTo(Meeting.Status.CANCELLED);
        assertThat(accepted.cancelledBy()).isEqualTo(Meeting.CancelledBy.INVITEE);
        assertThat(accepted.previousStatus()).isEqualTo(Meeting.Status.ACCEPTED);
        assertThat(accepted.wasAccepted()).as("stays in calendars, cancelled").isTrue();
        assertThat(accepted.version()).isEqualTo(3);

        assertThatThrownBy(() -> accepted.cancel(Meeting.CancelledBy.REQUESTER, null, "r",
                REQUESTED_AT.plusSeconds(180)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.properties()).containsEntry("currentState", "CANCELLED"));
    }

    @Test
    void onlyAnUnansweredRequestExpiresAndNotBeforeItsTime() {
        Meeting meeting = requested();
        assertThatThrownBy(() -> meeting.expire(Meeting.ExpiredBecause.UNANSWERED, EXPIRES_AT.minusMillis(1)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(meeting.expire(Meeting.ExpiredBecause.UNANSWERED, EXPIRES_AT)).isTrue();
        assertThat(meeting.status()).isEqualTo(Meeting.Status.EXPIRED);
        assertThat(meeting.expiredBecause()).isEqualTo(Meeting.ExpiredBecause.UNANSWERED);
        assertThat(meeting.expire(Meeting.ExpiredBecause.UNANSWERED, EXPIRES_AT)).isFalse();
        assertThat(meeting.version()).isEqualTo(2);

        Meeting slotPassed = requested();
        assertThat(slotPassed.expire(Meeting.ExpiredBecause.SLOT_PASSED, REQUESTED_AT.plusSeconds(1))).isTrue();
        assertThat(accepted().expire(Meeting.ExpiredBecause.SLOT_REMOVED, EXPIRES_AT)).isFalse();
    }

    private static Meeting requested() {
        return Meeting.request("m1", "e1", "lighting", "s1", SLOT, "ent-opal", "ent-guzhen", "Let's talk",
                EXPIRES_AT, "requester", REQUESTED_AT);
    }

    private static Meeting accepted() {
        Meeting meeting = requested();
        meeting.accept(SLOT, "t1", "Table 1", "attempt-1", "invitee", REQUESTED_AT.plusSeconds(60));
        return meeting;
    }
}
