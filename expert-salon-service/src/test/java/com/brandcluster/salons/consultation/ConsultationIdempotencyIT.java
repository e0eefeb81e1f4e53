package com.brandcluster.salons.consultation;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ConsultationIdempotencyIT extends ConsultationIntegrationTest {

    @Autowired
    ConsultationHousekeeping housekeeping;

    @Test
    void aRetryWithTheSameKeyAnswersWithTheSameBookingAndBooksNothingMore() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        Map<String, Object> request = bookingRequest(expertId, cluster, at(3, 10));
        String key = UUID.randomUUID().toString();

        ApiClient.Response first = postWithKey(enterpriseUser(enterprise), request, key);
        ApiClient.Response retry = postWithKey(enterpriseUser(enterprise), request, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header(ConsultationController.IDEMPOTENT_REPLAYED)).isEmpty();
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.at("/id")).isEqualTo(first.at("/id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header(ConsultationController.IDEMPOTENT_REPLAYED)).contains("true");
        assertThat(standing(expertId)).isEqualTo(1);
        assertThat(usedMinutes(cluster, enterprise)).isEqualTo(60);
    }

    @Test
    void theSameKeyForAnotherRequestIsA422() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        String key = UUID.randomUUID().toString();
        postWithKey(enterpriseUser(enterprise), bookingRequest(expertId, cluster, at(3, 10)), key);
        Map<String, Object> otherSlot = bookingRequest(expertId, cluster, at(3, 12));
        Map<String, Object> otherNote = bookingRequest(expertId, cluster, at(3, 10));
        otherNote.put("note", "Something else entirely");

        assertProblem(postWithKey(enterpriseUser(enterprise), otherSlot, key), 422, "idempotency-key-reused");
        assertProblem(postWithKey(enterpriseUser(enterprise), otherNote, key), 422, "idempotency-key-reused");
        assertThat(standing(expertId)).isEqualTo(1);
        assertThat(usedMinutes(cluster, enterprise)).isEqualTo(60);
    }

    @Test
    void keysBelongToTheirEnterprise() {
        String cluster = cluster();
        String expertId = expertIn(cluster);
        String key = UUID.randomUUID().toString();

        ApiClient.Response first = postWithKey(enterpriseUser(member(cluster)),
                bookingRequest(expertId, cluster, at(3, 10)), key);
        ApiClient.Response other = postWithKey(enterpriseUser(member(cluster)),
                bookingRequest(expertId, cluster, at(3, 12)), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        assertThat(other.at("/id")).isNotEqualTo(first.at("/id"));
        assertThat(standing(expertId)).isEqualTo(2);
    }

    @Test
    void racingRetriesWithTheSameKeyAllGetTheOneBooking() throws Exception {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        Map<String, Object> request = bookingRequest(expertId, cluster, at(3, 10));
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String token = enterpriseUser(enterprise);
                futures.add(pool.submit(() -> {
                    start.await();
                    return postWithKey(token, request, key);
                }));
            }
            start.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> future : futures) {
                responses.add(future.get());
            }

            assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
            assertThat(responses).extracting(r -> r.at("/id")).containsOnly(responses.getFirst().at("/id"));
            assertThat(responses).filteredOn(r -> r.header(ConsultationController.IDEMPOTENT_REPLAYED).isEmpty())
                    .hasSize(1);
            assertThat(standing(expertId)).isEqualTo(1);
            assertThat(usedMinutes(cluster, enterprise)).isEqualTo(60);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedBookingLeavesItsKeyFreeForARetry() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        String holder = member(cluster);
        String taken = booked(holder, expertId, cluster, at(3, 10));
        Map<String, Object> request = bookingRequest(expertId, cluster, at(3, 10));
        String key = UUID.randomUUID().toString();

        assertProblem(postWithKey(enterpriseUser(enterprise), request, key), 409, "slot-taken");
        api.as(enterpriseUser(holder)).post(PATH + "/" + taken + "/cancellation", Map.of("reason", "Moved on"));
        ApiClient.Response retry = postWithKey(enterpriseUser(enterprise), request, key);

        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.at("/enterpriseId")).isEqualTo(enterprise);
        assertThat(usedMinutes(cluster, enterprise)).isEqualTo(60);
    }

    @Test
    void anExpiredKeyCountsAsNewAndIsForgotten() {
        String cluster = cluster();
        String enterprise = member(cluster);
        String expertId = expertIn(cluster);
        String key = UUID.randomUUID().toString();
        String first = postWithKey(enterpriseUser(enterprise), bookingRequest(expertId, cluster, at(3, 10)), key)
                .at("/id");
        expire(enterprise, key);

        ApiClient.Response reused = postWithKey(enterpriseUser(enterprise),
                bookingRequest(expertId, cluster, at(3, 12)), key);

        assertThat(reused.status()).as(reused.toString()).isEqualTo(201);
        assertThat(reused.at("/id")).isNotEqualTo(first);
        assertThat(claims(enterprise, key)).isEqualTo(1);
        expire(enterprise, key);
        housekeeping.tidy(Instant.now());
        assertThat(claims(enterprise, key)).isZero();
    }

    private void expire(String enterprise, String key) {
        mongo.updateFirst(Query.query(Criteria.where("enterpriseId").is(enterprise).and("key").is(key)),
                new Update().set("expiresAt", Instant.now().minus(Duration.ofSeconds(1))), IdempotencyKeys.Claim.class);
    }

    private long claims(String enterprise, String key) {
        return mongo.count(Query.query(Criteria.where("enterpriseId").is(enterprise).and("key").is(key)),
                IdempotencyKeys.Claim.class);
    }
}
