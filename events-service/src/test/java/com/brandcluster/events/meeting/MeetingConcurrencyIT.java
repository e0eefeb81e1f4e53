package com.brandcluster.events.meeting;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matchmaking invariants under concurrency, in this JVM's one service instance: the only guard is the claims'
 * unique keys and the versioned writes in MongoDB, which instances sharing the database rely on just the same (the
 * cross-instance run is a system test). A watcher samples the invariant throughout each race, so a breach that is
 * later undone would still be seen.
 */
class MeetingConcurrencyIT extends MeetingsIntegrationTest {

    private final AtomicLong mostSeen = new AtomicLong();

    @Test
    void aHundredRequestsForOneEnterprisesSlotAcceptedAtOnceGiveExactlyOneMeeting() throws Exception {
        Matchmaking m = matchmaking(101, 1, 3);
        String wanted = m.enterprise(0);
        List<String> requests = new ArrayList<>();
        for (String requester : m.enterprises().subList(1, 101)) {
            requests.add(requested(m, requester, wanted, m.slot(0)));
        }

        List<ApiClient.Response> answers = race(requests.stream()
                        .<Callable<ApiClient.Response>>map(id -> () -> accept(id, wanted)).toList(),
                () -> accepted(m.eventId(), m.slot(0)));

        assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() == 409).hasSize(99)
                .allSatisfy(r -> assertThat(r.at("/type")).endsWith(":slot-taken"));
        assertThat(mostSeen.get()).isEqualTo(1);
        assertThat(accepted(m.eventId(), m.slot(0))).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("exchangeEventId").is(m.eventId()).and("status")
                .is(Meeting.Status.REQUESTED)), Meeting.class)).as("the others still wait for an answer").isEqualTo(99);
        String winner = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().at("/id");
        assertThat(claimsOf(m.eventId())).as("no claim left over by the losers").hasSize(3)
                .allSatisfy(claim -> {
                    assertThat(claim.meetingId()).isEqualTo(winner);
                    assertThat(claim.confirmed()).isTrue();
                });
    }

    @Test
    void parallelAcceptancesOfMorePairsThanTablesNeverBookATableTwice() throws Exception {
        int pairs = 30;
        int tables = 5;
        Matchmaking m = matchmaking(2 * pairs, 1, tables);

        List<ApiClient.Response> answers = race(acceptancesOfPairs(m, pairs, m.slot(0)), () -> mostMeetingsAtOneTable(m.eventId()));

        assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(tables)
                .extracting(r -> r.at("/table/id")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(m.tables());
        assertThat(answers).filteredOn(r -> r.status() == 409).hasSize(pairs - tables)
                .allSatisfy(r -> assertThat(r.at("/type")).endsWith(":no-table-free"));
        assertThat(mostSeen.get()).isEqualTo(1);
        assertThat(claimsOf(m.eventId())).hasSize(3 * tables);
    }

    @Test
    void acceptingAndDecliningOneRequestAtOnceLeavesOneAnswerAndClaimsThatMatchIt() throws Exception {
        Matchmaking m = matchmaking(2, 1, 1);
        String id = requested(m, m.enterprise(0), m.enterprise(1), m.slot(0));
        String user = enterpriseUser(m.enterprise(1));
        List<Callable<ApiClient.Response>> answers = new ArrayList<>(Collections.nCopies(15,
                () -> accept(id, m.enterprise(1))));
        answers.addAll(Collections.nCopies(15, () -> api.as(user).post("/api/events/meetings/" + id + "/decline",
                null)));
        Collections.shuffle(answers);

        List<ApiClient.Response> responses = race(answers, () -> accepted(m.eventId(), m.slot(0)));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(29);
        Meeting meeting = stored(id);
        assertThat(meeting.version()).isEqualTo(2);
        assertThat(claimsOf(m.eventId())).hasSize(meeting.status() == Meeting.Status.ACCEPTED ? 3 : 0);
    }

    @Test
    void aPlanChangeRemovingASlotWhileItsMeetingsAreAcceptedLeavesNoMeetingOutsideThePlan() throws Exception {
        int pairs = 20;
        Matchmaking m = matchmaking(2 * pairs, 2, pairs);
        List<Callable<ApiClient.Response>> racing = acceptancesOfPairs(m, pairs, m.slot(1));
        Map<String, Object> withoutTheSlot = Map.of("slots", List.of(slot(m.slot(0), eventDay().withHour(10))),
                "tables", m.tables().stream().map(t -> table(t, "Table " + t)).toList());
        String secretariat = secretariatOf(m.clusterId());
        racing.addAll(Collections.nCopies(5, () -> api.as(secretariat)
                .put("/api/events/events/" + m.eventId() + "/meeting-slots", withoutTheSlot)));
        Collections.shuffle(racing);

        race(racing, () -> 0);

        MeetingPlan plan = mongo.findById(m.eventId(), MeetingPlan.class);
        long accepted = accepted(m.eventId(), m.slot(1));
        if (plan.slot(m.slot(1)).isEmpty()) {
            assertThat(accepted).as("no meeting accepted into the removed slot").isZero();
        } else {
            assertThat(accepted).as("the slot stayed because meetings were accepted in it").isPositive();
        }
        assertThat(claimsOf(m.eventId())).as("only accepted meetings hold claims, no lock is left")
                .hasSize((int) (3 * accepted)).allSatisfy(claim -> assertThat(claim.meetingId()).isNotNull());
    }

    /** Enterprise 2i asks enterprise 2i + 1 for a meeting in the slot; the second's acceptance, to be raced. */
    private List<Callable<ApiClient.Response>> acceptancesOfPairs(Matchmaking m, int pairs, String slotId) {
        List<Callable<ApiClient.Response>> acceptances = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            String invitee = m.enterprise(2 * i + 1);
            String id = requested(m, m.enterprise(2 * i), invitee, slotId);
            acceptances.add(() -> accept(id, invitee));
        }
        return acceptances;
    }

    /**
     * Starts every task at the same moment, each on a thread of its own, while a watcher keeps the highest value
     * {@code sample} gives.
     */
    private <T> List<T> race(List<? extends Callable<T>> tasks, LongSupplier sample) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean racing = new AtomicBoolean(true);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            Future<?> watcher = threads.submit(() -> {
                while (racing.get()) {
                    mostSeen.accumulateAndGet(sample.getAsLong(), Math::max);
                }
            });
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            racing.set(false);
            watcher.get();
            return results;
        }
    }

    private long accepted(String eventId, String slotId) {
        return mongo.count(Query.query(Criteria.where("exchangeEventId").is(eventId).and("slotId").is(slotId)
                .and("status").is(Meeting.Status.ACCEPTED)), Meeting.class);
    }

    /** The most accepted meetings at any one table of the event, in any one slot. */
    private long mostMeetingsAtOneTable(String eventId) {
        return mongo.find(Query.query(Criteria.where("exchangeEventId").is(eventId).and("status")
                        .is(Meeting.Status.ACCEPTED)), Meeting.class).stream()
                .collect(Collectors.groupingBy(meeting -> meeting.slotId() + "/" + meeting.tableId(),
                        Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
