package com.brandcluster.events.event;

import com.brandcluster.events.EventsIntegrationTest;
import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating, publishing, reading and listing events, with who may do each. */
class EventApiIT extends EventsIntegrationTest {

    @Test
    void theSecretariatDraftsAnEventThatNobodyElseCanSee() {
        String cluster = cluster();
        ApiClient.Response created = api.as(secretariatOf(cluster))
                .post("/api/events/clusters/" + cluster + "/events", eventRequest(Map.of()));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.at("/id");
        assertThat(created.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/events/events/" + id));
        assertThat(created.at("/status")).isEqualTo("DRAFT");
        assertThat(created.at("/version")).isEqualTo("1");
        assertThat(created.at("/clusterId")).isEqualTo(cluster);
        assertThat(created.at("/timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(created.at("/localStartsAt")).endsWith("T09:00:00");
        assertThat(Instant.parse(created.at("/startsAt")).atZone(SHANGHAI).getHour()).isEqualTo(9);
        assertThat(created.at("/agenda/0/speakers/0/organisation")).isEqualTo("China Lighting Brand Cluster");
        assertThat(created.at("/agenda/1/localEndsAt")).endsWith("T11:00:00");
        assertThat(created.at("/seatsAvailable")).isEqualTo("100");

        String path = "/api/events/events/" + id;
        assertThat(api.as(secretariatOf(cluster)).get(path).at("/title"))
                .isEqualTo("Cooperation meeting: export channels for lighting brands");
        assertProblem(api.anonymous().get(path), 404, "not-found");
        assertProblem(api.as(enterpriseUser(member(cluster))).get(path), 404, "not-found");
        assertProblem(api.as(secretariatOf(cluster())).get(path), 404, "not-found");
        assertProblem(api.as(expert()).get(path), 404, "not-found");
        assertProblem(api.as(enterpriseUser(member(cluster))).get(path + "/calendar"), 404, "not-found");
        assertThat(ids(api.anonymous().get(eventsOf(cluster)))).isEmpty();
        assertThat(ids(api.as(enterpriseUser(member(cluster))).get(eventsOf(cluster)))).isEmpty();
        assertThat(ids(api.as(secretariatOf(cluster)).get(eventsOf(cluster)))).containsExactly(id);
    }

    @Test
    void onlyTheClustersSecretariatCreatesItsEvents() {
        String cluster = cluster();
        String path = eventsOf(cluster);

        assertProblem(api.as(secretariatOf(cluster())).post(path, eventRequest(Map.of())), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(member(cluster))).post(path, eventRequest(Map.of())), 403, "forbidden");
        assertProblem(api.as(expert()).post(path, eventRequest(Map.of())), 403, "forbidden");
        assertProblem(api.anonymous().post(path, eventRequest(Map.of())), 401, null);

        assertThat(eventsStoredIn(cluster)).isZero();
    }

    @Test
    void everyInvalidEventIsAProblemAndNothingIsStored() {
        String cluster = cluster();
        String secretariat = secretariatOf(cluster);
        String path = eventsOf(cluster);
        LocalDateTime start = LocalDateTime.parse(eventRequest(Map.of()).get("startsAt").toString());

        assertInvalidField(api.as(secretariat).post(path, withNull("title")), "title");
        assertInvalidField(api.as(secretariat).post(path, eventRequest(Map.of("capacity", 0))), "capacity");
        assertInvalidField(api.as(secretariat).post(path, eventRequest(Map.of("seatsPerEnterprise", 0))),
                "seatsPerEnterprise");
        assertInvalidField(api.as(secretariat).post(path, eventRequest(Map.of("kind", "PICNIC"))), "kind");
        assertInvalidField(api.as(secretariat).post(path, eventRequest(Map.of("visibility", "SECRET"))),
                "visibility");
        assertInvalidField(api.as(secretariat).post(path, eventRequest(Map.of("timeZone", "Mars/Olympus"))),
                "timeZone");
        assertInvalidField(api.as(secretariat).post(path, eventRequest(Map.of("timeZone", "+08:00"))), "timeZone");
        assertInvalidField(api.as(secretariat).post(path,
                eventRequest(Map.of("onlineLink", "http://meet.example.com/plain"))), "onlineLink");
        assertInvalidField(api.as(secretariat).post(path,
                eventRequest(Map.of("onlineLink", "https://meet.example.com/{room}"))), "onlineLink");
        assertInvalidField(api.as(secretariat).post(path, eventRequest(Map.of("startsAt", "next tuesday"))),
                "startsAt");
        assertInvalidField(api.as(secretariat).post(path, eventRequest(Map.of("agenda",
                List.of(Map.of("title", " ", "startsAt", start.toString(), "endsAt", start.plusHours(1).toString()))))),
                "agenda[0].title");
        assertProblem(api.as(secretariat).post(path, eventRequest(Map.of("dressCode", "formal"))), 400,
                "unknown-property");
        assertProblem(api.as(secretariat).send("POST", path, "{ not json", "application/json"), 400,
                "malformed-body");

        assertUnprocessable(api.as(secretariat).post(path, eventRequest(Map.of("endsAt", start.toString()))),
                "end after it starts");
        assertUnprocessable(api.as(secretariat).post(path, eventRequest(Map.of("endsAt",
                "+999999999-12-31T23:59:59"))), "outside the years");
        assertUnprocessable(api.as(secretariat).post(path, eventRequest(Map.of(
                "startsAt", LocalDateTime.now(SHANGHAI).minusDays(1).withNano(0).toString(),
                "endsAt", LocalDateTime.now(SHANGHAI).minusHours(1).withNano(0).toString(),
                "registrationOpensAt", LocalDateTime.now(SHANGHAI).minusDays(5).withNano(0).toString(),
                "registrationClosesAt", LocalDateTime.now(SHANGHAI).minusDays(2).withNano(0).toString(),
                "agenda", List.of()))), "start in the future");
        assertUnprocessable(api.as(secretariat).post(path, eventRequest(Map.of("capacity", 3,
                "seatsPerEnterprise", 4))), "between 1 and the capacity");
        assertUnprocessable(api.as(secretariat).post(path, eventRequest(Map.of("registrationClosesAt",
                start.plusMinutes(1).toString()))), "no later than the event starts");
        assertUnprocessable(api.as(secretariat).post(path, eventRequest(Map.of("registrationOpensAt",
                start.minusDays(1).toString()))), "open before it closes");
        assertUnprocessable(api.as(secretariat).post(path, withNull("venue", "onlineLink")),
                "a venue, an online link, or both");
        assertUnprocessable(api.as(secretariat).post(path, eventRequest(Map.of("visibility", "MEMBERS_ONLY",
                "registrationPolicy", "OPEN_WITH_APPROVAL"))), "must be public");
        assertUnprocessable(api.as(secretariat).post(path, eventRequest(Map.of("agenda", List.of(Map.of(
                "title", "Breakfast", "startsAt", start.minusHours(1).toString(),
                "endsAt", start.plusMinutes(10).toString()))))), "must lie within");
        assertUnprocessable(api.as(secretariat).post(path, eventRequest(Map.of(
                "timeZone", "Europe/Berlin", "agenda", List.of(),
                "startsAt", "2027-03-28T02:30:00", "endsAt", "2027-03-28T06:00:00",
                "registrationClosesAt", "2027-03-20T18:00:00"))), "does not exist in Europe/Berlin");

        assertThat(eventsStoredIn(cluster)).isZero();
    }

    @Test
    void publishingOpensTheEventToEveryoneOnceOnlyForItsSecretariat() {
        String cluster = cluster();
        String id = draft(cluster, Map.of());
        String publication = "/api/events/events/" + id + "/publication";

        assertProblem(api.as(secretariatOf(cluster())).post(publication, null), 404, "not-found");
        assertProblem(api.as(enterpriseUser(member(cluster))).post(publication, null), 404, "not-found");
        assertProblem(api.as(expert()).post(publication, null), 404, "not-found");
        assertProblem(api.anonymous().post(publication, null), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).post("/api/events/events/nope/publication", null), 404,
                "not-found");
        assertThat(event(id).status()).isEqualTo(ExchangeEvent.Status.DRAFT);

        ApiClient.Response published = api.as(secretariatOf(cluster)).post(publication, null);

        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.at("/status")).isEqualTo("PUBLISHED");
        assertThat(published.at("/version")).isEqualTo("2");
        assertThat(api.anonymous().get("/api/events/events/" + id).at("/status")).isEqualTo("PUBLISHED");
        assertThat(ids(api.anonymous().get(eventsOf(cluster)))).containsExactly(id);
        ApiClient.Response again = api.as(secretariatOf(cluster)).post(publication, null);
        assertProblem(again, 409, "event-state");
        assertThat(again.at("/currentState")).isEqualTo("PUBLISHED");
        assertProblem(api.as(secretariatOf(cluster())).post(publication, null), 403, "forbidden");
        assertProblem(api.as(enterpriseUser(member(cluster))).post(publication, null), 403, "forbidden");
    }

    @Test
    void aMembersOnlyEventIsReadByTheClustersCurrentMembersAndSecretariatOnly() {
        String cluster = cluster();
        String id = published(cluster, Map.of("visibility", "MEMBERS_ONLY"));
        String path = "/api/events/events/" + id;

        assertThat(api.as(secretariatOf(cluster)).get(path).status()).isEqualTo(200);
        assertThat(api.as(enterpriseUser(member(cluster))).get(path).status()).isEqualTo(200);
        assertThat(api.as(enterpriseUser(member(cluster, MemberStanding.GRACE, MEMBER_TIER))).get(path).status())
                .isEqualTo(200);
        assertThat(api.as(enterpriseUser(member(cluster, "SUSPENDED", MEMBER_TIER))).get(path).status())
                .isEqualTo(200);
        assertProblem(api.as(enterpriseUser(member(cluster, "LAPSED", MEMBER_TIER))).get(path), 403, "members-only");
        assertProblem(api.as(enterpriseUser(member(cluster()))).get(path), 403, "members-only");
        assertProblem(api.as(enterpriseUser(newEnterprise())).get(path), 403, "members-only");
        assertProblem(api.as(secretariatOf(cluster())).get(path), 403, "members-only");
        assertProblem(api.as(expert()).get(path), 403, "members-only");
        ApiClient.Response anonymous = api.anonymous().get(path);
        assertProblem(anonymous, 401, null);
        assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertProblem(api.anonymous().get("/api/events/events/no-such-event"), 404, "not-found");
    }

    @Test
    void theListShowsEachCallerWhatItMayReadFilteredByKindAndTimeAndPaged() {
        String cluster = cluster();
        String meeting = published(cluster, Map.of());
        String workshop = published(cluster, Map.of("kind", "WORKSHOP", "visibility", "MEMBERS_ONLY"));
        String draft = draft(cluster, Map.of("kind", "WORKSHOP"));
        String past = published(cluster, Map.of("kind", "PLENARY"));
        Instant lastMonth = Instant.now().minus(Duration.ofDays(30));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(past)), new Update()
                .set("details.startsAt", lastMonth).set("details.endsAt", lastMonth.plus(Duration.ofHours(3))),
                ExchangeEvent.class);
        String member = enterpriseUser(member(cluster));

        assertThat(ids(api.anonymous().get(eventsOf(cluster)))).containsExactly(past, meeting);
        assertThat(ids(api.as(member).get(eventsOf(cluster)))).containsExactly(past, meeting, workshop);
        assertThat(ids(api.as(secretariatOf(cluster)).get(eventsOf(cluster))))
                .containsExactlyInAnyOrder(past, meeting, workshop, draft);
        assertThat(ids(api.as(member).get(eventsOf(cluster) + "?kind=WORKSHOP"))).containsExactly(workshop);
        assertThat(ids(api.as(member).get(eventsOf(cluster) + "?when=UPCOMING"))).containsExactly(meeting, workshop);
        assertThat(ids(api.as(member).get(eventsOf(cluster) + "?when=PAST"))).containsExactly(past);
        assertThat(ids(api.as(secretariatOf(cluster)).get(eventsOf(cluster) + "?status=DRAFT")))
                .containsExactly(draft);
        assertThat(ids(api.as(member).get(eventsOf(cluster) + "?status=DRAFT"))).isEmpty();
        ApiClient.Response firstPage = api.as(member).get(eventsOf(cluster) + "?size=2&page=0");
        assertThat(ids(firstPage)).containsExactly(past, meeting);
        assertThat(firstPage.at("/totalElements")).isEqualTo("3");
        assertThat(firstPage.at("/totalPages")).isEqualTo("2");
        assertThat(ids(api.as(member).get(eventsOf(cluster) + "?size=2&page=1"))).containsExactly(workshop);
        assertProblem(api.anonymous().get(eventsOf(cluster) + "?when=SOMETIME"), 400, "validation");
        assertProblem(api.anonymous().get(eventsOf(cluster) + "?size=500"), 400, "validation");
    }

    private static String eventsOf(String cluster) {
        return "/api/events/clusters/" + cluster + "/events";
    }

    private long eventsStoredIn(String cluster) {
        return mongo.count(Query.query(Criteria.where("clusterId").is(cluster)), ExchangeEvent.class);
    }

    private static Map<String, Object> withNull(String... fields) {
        Map<String, Object> overrides = new HashMap<>();
        for (String field : fields) {
            overrides.put(field, null);
        }
        return eventRequest(overrides);
    }

    private static void assertUnprocessable(ApiClient.Response response, String detail) {
        assertProblem(response, 422, "invalid-event");
        assertThat(response.at("/detail")).contains(detail);
    }
}
