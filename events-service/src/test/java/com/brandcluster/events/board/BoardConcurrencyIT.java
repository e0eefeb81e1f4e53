package com.brandcluster.events.board;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's invariants under simultaneous requests to the one instance of the shared test context; the guards are
 * conditional writes in MongoDB alone, which is what several instances sharing the database rely on too.
 */
class BoardConcurrencyIT extends BoardIntegrationTest {

    @Autowired
    PostingQuota quota;

    @Autowired
    BoardProperties properties;

    private ExecutorService pool;

    @BeforeEach
    void threads() {
        pool = Executors.newFixedThreadPool(32);
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void simultaneousPostsOfOneEnterpriseNeverExceedTheDailyQuota() throws Exception {
        String cluster = newCluster();
        String token = userOf(activeMember(cluster));
        int attempts = properties.postsPerDay() + 15;

        List<ApiClient.Response> responses = race(attempts, i -> api.as(token).post(postsOf(cluster), anyPost()));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(properties.postsPerDay());
        List<ApiClient.Response> refused = responses.stream().filter(r -> r.status() != 201).toList();
        assertThat(refused).hasSize(15);
        refused.forEach(r -> assertProblem(r, 429, "posting-quota-exceeded"));
        assertThat(storedPosts(cluster)).isEqualTo(properties.postsPerDay());
    }

    @Test
    void theQuotaIsPerDayAndPerClusterAndADayThatIsOverNeverComesBack() {
        String cluster = newCluster();
        LocalDate today = LocalDate.of(2026, 5, 4);

        assertThat(quota.take(cluster, "ent-a", today, 2)).isTrue();
        assertThat(quota.take(cluster, "ent-a", today, 2)).isTrue();
        assertThat(quota.take(cluster, "ent-a", today, 2)).isFalse();
        assertThat(quota.take(newCluster(), "ent-a", today, 2)).isTrue();
        assertThat(quota.take(cluster, "ent-b", today, 2)).isTrue();

        assertThat(quota.take(cluster, "ent-a", today.plusDays(1), 2)).isTrue();
        // an instance still on the earlier day may not reset the new day's count
        assertThat(quota.take(cluster, "ent-a", today, 2)).isFalse();
        assertThat(quota.take(cluster, "ent-a", today.plusDays(1), 2)).isTrue();
        assertThat(quota.take(cluster, "ent-a", today.plusDays(1), 2)).isFalse();

        quota.giveBack(cluster, "ent-a", today.plusDays(1));
        assertThat(quota.take(cluster, "ent-a", today.plusDays(1), 2)).isTrue();
    }

    @Test
    void ofSimultaneousWithdrawalsAtMostOneAndOfRemovalsExactlyOneApplies() throws Exception {
        String cluster = newCluster();
        String author = activeMember(cluster);
        String postId = publish(cluster, author, anyPost());

        List<ApiClient.Response> responses = race(40, i -> i % 2 == 0
                ? api.as(userOf(author)).post(postPath(postId) + "/withdrawal", null)
                : api.as(secretariatOf(cluster)).post(postPath(postId) + "/removal", Map.of("reason", "Spam " + i)));

        List<ApiClient.Response> applied = responses.stream().filter(r -> r.status() == 200).toList();
        responses.stream().filter(r -> r.status() != 200).forEach(r -> assertProblem(r, 409, null));
        // a withdrawn post may still be removed, a removed one not withdrawn; each happens once
        List<String> outcomes = applied.stream().map(r -> r.at("/status")).toList();
        assertThat(outcomes).containsOnlyOnce("REMOVED");
        assertThat(outcomes).filteredOn("WITHDRAWN"::equals).hasSizeLessThanOrEqualTo(1);
        ApiClient.Response removal = applied.stream().filter(r -> "REMOVED".equals(r.at("/status"))).findFirst()
                .orElseThrow();
        Post stored = mongo.findById(postId, Post.class);
        assertThat(stored.status(Instant.now())).isEqualTo(PostStatus.REMOVED);
        assertThat(stored.removalReason()).isEqualTo(removal.at("/removalReason"));
        assertThat(stored.version()).isEqualTo((long) applied.size()).isEqualTo(Long.parseLong(removal.at("/version")));
    }

    @Test
    void simultaneousEditsAreEachAppliedToTheStateTheOthersLeft() throws Exception {
        String cluster = newCluster();
        String author = activeMember(cluster);
        String postId = publish(cluster, author, anyPost());

        List<ApiClient.Response> responses = race(20,
                i -> patch(userOf(author), postId, "{\"title\":\"Edit " + i + "\"}"));

        List<ApiClient.Response> applied = responses.stream().filter(r -> r.status() == 200).toList();
        responses.stream().filter(r -> r.status() != 200).forEach(r -> assertProblem(r, 409, "concurrent-change"));
        assertThat(applied).isNotEmpty();
        Post stored = mongo.findById(postId, Post.class);
        // every applied edit is one write on top of the one before: none was lost
        assertThat(stored.version()).isEqualTo((long) applied.size());
        assertThat(applied).extracting(r -> r.at("/version")).doesNotHaveDuplicates();
        assertThat(applied.stream().map(r -> r.at("/title"))).contains(stored.content().title());
    }

    private interface Call {
        ApiClient.Response send(int index);
    }

    /** Starts all calls at once and answers their responses in order. */
    private List<ApiClient.Response> race(int count, Call call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            Callable<ApiClient.Response> task = () -> {
                start.await();
                return call.send(index);
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (Future<ApiClient.Response> future : futures) {
            responses.add(future.get());
        }
        return responses;
    }
}
