package com.brandcluster.events.registration;

import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.brandcluster.events.PublishedEvents.about;
import static com.brandcluster.events.PublishedEvents.routingKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check-in and code issuing under concurrency, in this JVM's one service instance: the only guards are the conditional
 * writes in MongoDB (the registration's revision, the codes' unique keys), which instances sharing the database rely
 * on just the same.
 */
class CheckInConcurrencyIT extends AttendanceIntegrationTest {

    private static final String CHECKED_IN = "events.attendance.checked-in.v1";

    @Test
    void fiftySimultaneousScansOfOneCodeCheckTheAttendeeInOnceWithOneEvent() throws Exception {
        Registered registered = registered();
        String event = registered.event();
        String registration = registered.id();
        String li = registered.attendees().getFirst();
        String code = codeOf(registered.enterprise(), registration, li);
        underway(event);
        String secretariat = secretariatOf(registered.cluster());

        List<ApiClient.Response> scans = race(Collections.nCopies(50, () -> scan(secretariat, event, code)));

        assertThat(scans).extracting(ApiClient.Response::status).containsOnly(200);
        assertThat(scans).filteredOn(r -> r.at("/alreadyCheckedIn").equals("false")).hasSize(1);
        assertThat(scans).filteredOn(r -> r.at("/alreadyCheckedIn").equals("true")).hasSize(49);
        Registration.Attendee stored = stored(registration, li);
        assertThat(scans).extracting(r -> r.at("/attendees/0/checkedInAt")).containsOnly(
                stored.checkedInAt().toString());
        Registration saved = mongo.findById(registration, Registration.class);
        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.attendees().get(1).isCheckedIn()).isFalse();
        List<JsonNode> announced = published.awaitExactly(about(registration)
                .and(e -> CHECKED_IN.equals(routingKey(e))), 1);
        assertThat(announced.getFirst().get("attendeeId").asString()).isEqualTo(li);
    }

    @Test
    void scansAndWholeRegistrationCheckInsRacingCheckEachAttendeeInExactlyOnce() throws Exception {
        String cluster = cluster();
        String event = published(cluster, 10, 4);
        String enterprise = member(cluster);
        ApiClient.Response registered = register(event, enterprise, attendee("Li Ming", null, true),
                attendee("Zhao Lei", null, true), attendee("Wang Fang", null, false), attendee("Chen Jie", null, true));
        String registration = registered.at("/id");
        List<String> attendees = attendeeIds(registered);
        List<String> codes = new ArrayList<>();
        for (String attendee : attendees) {
            codes.add(codeOf(enterprise, registration, attendee));
        }
        underway(event);
        String secretariat = secretariatOf(cluster);

        List<ApiClient.Response> checkIns = race(Stream.concat(
                codes.stream().flatMap(code -> Stream.<Callable<ApiClient.Response>>of(
                        () -> scan(secretariat, event, code), () -> scan(secretariat, event, code))),
                Stream.<Callable<ApiClient.Response>>generate(() -> () -> checkIn(secretariat, registration)).limit(6))
                .toList());

        assertThat(checkIns).extracting(ApiClient.Response::status).containsOnly(200);
        long checkedInNow = checkIns.stream().mapToLong(r -> r.json().get("attendees").findValuesAsString(
                "alreadyCheckedIn").stream().filter("false"::equals).count()).sum();
        assertThat(checkedInNow).isEqualTo(4);
        Registration saved = mongo.findById(registration, Registration.class);
        assertThat(saved.attendees()).allMatch(Registration.Attendee::isCheckedIn);
        assertThat(saved.version()).isEqualTo(5);
        List<JsonNode> announced = published.awaitExactly(about(registration)
                .and(e -> CHECKED_IN.equals(routingKey(e))), 4);
        assertThat(announced).extracting(e -> e.get("attendeeId").asString())
                .containsExactlyInAnyOrderElementsOf(attendees);
        assertThat(announced).extracting(e -> e.get("version").asLong()).containsExactlyInAnyOrder(2L, 3L, 4L, 5L);
    }

    @Test
    void anAttendeesCodeAskedForManyTimesAtOnceIsIssuedOnce() throws Exception {
        Registered registered = registered();
        String registration = registered.id();
        String path = qrPath(registration, registered.attendees().getFirst());
        String user = enterpriseUser(registered.enterprise());
        String secretariat = secretariatOf(registered.cluster());

        List<HttpResponse<byte[]>> images = race(IntStream.range(0, 30)
                .<Callable<HttpResponse<byte[]>>>mapToObj(i -> () -> download(path, i % 2 == 0 ? user : secretariat))
                .toList());

        assertThat(images).extracting(HttpResponse::statusCode).containsOnly(200);
        List<String> decoded = new ArrayList<>();
        for (HttpResponse<byte[]> image : images) {
            decoded.add(QrCodes.decode(image.body()));
        }
        assertThat(decoded).hasSize(30).containsOnly(decoded.getFirst());
        assertThat(mongo.count(Query.query(Criteria.where("registrationId").is(registration)), CheckInCode.class))
                .as("Zhao Lei's was not asked for").isEqualTo(1);
    }

    /** Runs every task on a thread of its own, all released at the same moment; their results in the order given. */
    private static <T> List<T> race(List<? extends Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(tasks.size())) {
            List<Future<T>> futures = tasks.stream().map(task -> threads.submit(() -> {
                start.await();
                return task.call();
            })).toList();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
