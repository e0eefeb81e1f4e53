package com.brandcluster.events.meeting;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.brandcluster.events.PublishedEvents.routingKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests that expire, and the repair of what an acceptance, a cancellation or a plan change cut short by a crash
 * leaves behind. The scheduled jobs are run here by hand; claims left behind are written fresh (so that the jobs
 * running on their own schedule leave them alone) and made old just before the repair runs.
 */
class MeetingExpiryIT extends MeetingsIntegrationTest {

    @Autowired
    MeetingExpiry expiry;

    @Autowired
    MeetingClaimRepair repair;

    @Test
    void aPendingRequestBlocksNothingAndExpiresUnansweredAfterItsTime() {
        Matchmaking m = matchmaking(3, 1, 1);
        String pending = requested(m, m.enterprise(0), m.enterprise(1), m.slot(0));
        String other = requested(m, m.enterprise(2), m.enterprise(1), m.slot(0));

        assertThat(accept(other, m.enterprise(1)).status()).as("the pending request held nothing").isEqualTo(200);
        api.as(enterpriseUser(m.enterprise(1))).post("/api/events/meetings/" + other + "/cancellation", null);
        answerTimeRunsOut(pending);
        ApiClient.Response late = accept(pending, m.enterprise(1));
        assertProblem(late, 409, "meeting-expired");
        assertThat(late.at("/currentState")).isEqualTo("EXPIRED");

        expiry.expireRequests();

        Meeting expired = stored(pending);
        assertThat(expired.status()).isEqualTo(Meeting.Status.EXPIRED);
        assertThat(expired.expiredBecause()).isEqualTo(Meeting.ExpiredBecause.UNANSWERED);
        assertProblem(accept(pending, m.enterprise(1)), 409, "meeting-state");
        JsonNode event = published.awaitExactly(MeetingApiIT.aboutMeeting(pending), 2).getLast();
        assertThat(routingKey(event)).isEqualTo("events.meeting.expired.v1");
        assertThat(event.get("expiredBecause").asString()).isEqualTo("UNANSWERED");
        assertThat(event.get("version").asLong()).isEqualTo(2);

        expiry.expireRequests();
        assertThat(stored(pending).version()).as("expired once").isEqualTo(2);
        assertThat(accepted(m, m.enterprise(0), m.enterprise(1), m.slot(0))).isNotNull();
    }

    @Test
    void aRequestWhoseSlotBeganExpiresAndOneStillInTimeWaits() {
        Matchmaking m = matchmaking(4, 2, 1);
        String past = requested(m, m.enterprise(0), m.enterprise(1), m.slot(0));
        String waiting = requested(m, m.enterprise(2), m.enterprise(3), m.slot(1));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(m.eventId())),
                new Update().set("slots.0.startsAt", Instant.now().minusSeconds(60)), MeetingPlan.class);

        expiry.expireRequests();

        assertThat(stored(past).status()).isEqualTo(Meeting.Status.EXPIRED);
        assertThat(stored(past).expiredBecause()).isEqualTo(Meeting.ExpiredBecause.SLOT_PASSED);
        assertThat(stored(waiting).status()).isEqualTo(Meeting.Status.REQUESTED);
    }

    @Test
    void claimsOfAnAcceptanceThatCrashedBeforeItsSaveAreFreedAndThatAttemptCanNoLongerSave() {
        Matchmaking m = matchmaking(3, 1, 2);
        String crashed = requested(m, m.enterprise(0), m.enterprise(1), m.slot(0));
        Meeting asTheCrashedAttemptRead = stored(crashed);
        leaveClaims(m, crashed, "crashed-attempt", m.enterprise(0), m.enterprise(1), m.tables().getFirst());
        String other = requested(m, m.enterprise(2), m.enterprise(1), m.slot(0));
        assertProblem(accept(other, m.enterprise(1)), 409, "slot-taken");
        assertProblem(accept(crashed, m.enterprise(1)), 409, "acceptance-in-progress");

        repairAfterGrace(m);

        assertThat(claimsOf(m.eventId())).isEmpty();
        assertThat(stored(crashed).status()).isEqualTo(Meeting.Status.REQUESTED);
        asTheCrashedAttemptRead.accept(asTheCrashedAttemptRead.slotTimes(), m.tables().getFirst(), "Table 1",
                "crashed-attempt", "user", Instant.now());
        assertThatThrownBy(() -> mongo.save(asTheCrashedAttemptRead))
                .as("the meeting was fenced off").isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(accept(crashed, m.enterprise(1)).status()).isEqualTo(200);
    }

    @Test
    void claimsOfAnAcceptanceSavedButNotConfirmedAreConfirmed() {
        Matchmaking m = matchmaking(2, 1, 1);
        String meeting = accepted(m, m.enterprise(0), m.enterprise(1), m.slot(0));
        mongo.updateMulti(Query.query(Criteria.where("meetingId").is(meeting)),
                new Update().set("confirmed", false), MeetingClaims.Claim.class);

        repairAfterGrace(m);

        assertThat(claimsOf(m.eventId())).hasSize(3).allSatisfy(claim -> assertThat(claim.confirmed()).isTrue());
        assertThat(stored(meeting).status()).isEqualTo(Meeting.Status.ACCEPTED);
    }

    @Test
    void claimsOfACancellationCutShortAreFreed() {
        Matchmaking m = matchmaking(3, 1, 1);
        String meeting = accepted(m, m.enterprise(0), m.enterprise(1), m.slot(0));
        List<MeetingClaims.Claim> held = claimsOf(m.eventId());
        api.as(enterpriseUser(m.enterprise(0))).post("/api/events/meetings/" + meeting + "/cancellation", null);
        held.forEach(claim -> mongo.insert(new MeetingClaims.Claim(claim.key(), claim.exchangeEventId(),
                claim.slotId(), claim.enterpriseId(), claim.tableId(), claim.meetingId(), claim.attempt(), null,
                false, Instant.now())));
        String next = requested(m, m.enterprise(2), m.enterprise(1), m.slot(0));
        assertProblem(accept(next, m.enterprise(1)), 409, "slot-taken");

        repairAfterGrace(m);

        assertThat(claimsOf(m.eventId())).isEmpty();
        assertThat(accept(next, m.enterprise(1)).status()).isEqualTo(200);
    }

    @Test
    void aPlanChangesLockLeftBehindIsLiftedAndThatChangeCanNoLongerSave() {
        Matchmaking m = matchmaking(2, 1, 1);
        MeetingPlan asTheCrashedChangeRead = mongo.findById(m.eventId(), MeetingPlan.class);
        mongo.insert(new MeetingClaims.Claim(MeetingClaims.tableKey(m.eventId(), m.slot(0), m.tables().getFirst()),
                m.eventId(), m.slot(0), null, m.tables().getFirst(), null, "crashed-change",
                asTheCrashedChangeRead.revision(), false, Instant.now()));
        String request = requested(m, m.enterprise(0), m.enterprise(1), m.slot(0));
        assertProblem(accept(request, m.enterprise(1)), 409, "no-table-free");

        repairAfterGrace(m);

        assertThat(claimsOf(m.eventId())).isEmpty();
        assertThatThrownBy(() -> mongo.save(asTheCrashedChangeRead)).isInstanceOf(
                OptimisticLockingFailureException.class);
        assertThat(accept(request, m.enterprise(1)).status()).isEqualTo(200);
    }

    private void answerTimeRunsOut(String meetingId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(meetingId)),
                new Update().set("expiresAt", Instant.now().minusSeconds(1)), Meeting.class);
    }

    /** The claims an acceptance attempt writes, left behind as if its instance had crashed after writing them. */
    private void leaveClaims(Matchmaking m, String meetingId, String attempt, String requester, String invitee,
                             String tableId) {
        for (String enterprise : List.of(requester, invitee)) {
            mongo.insert(new MeetingClaims.Claim(MeetingClaims.enterpriseKey(m.eventId(), m.slot(0), enterprise),
                    m.eventId(), m.slot(0), enterprise, null, meetingId, attempt, null, false, Instant.now()));
        }
        mongo.insert(new MeetingClaims.Claim(MeetingClaims.tableKey(m.eventId(), m.slot(0), tableId), m.eventId(),
                m.slot(0), null, tableId, meetingId, attempt, null, false, Instant.now()));
    }

    /** Makes the event's unconfirmed claims older than the grace period, then runs the repair. */
    private void repairAfterGrace(Matchmaking m) {
        mongo.updateMulti(Query.query(Criteria.where("exchangeEventId").is(m.eventId()).and("confirmed").is(false)),
                new Update().set("claimedAt", Instant.now().minus(Duration.ofMinutes(10))),
                MeetingClaims.Claim.class);
        repair.settleUnfinishedClaims();
    }
}
