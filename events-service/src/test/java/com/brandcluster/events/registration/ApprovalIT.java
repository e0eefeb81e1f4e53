package com.brandcluster.events.registration;

import com.brandcluster.events.EventsIntegrationTest;
import com.brandcluster.events.PublishedEvents;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static com.brandcluster.events.PublishedEvents.about;
import static org.assertj.core.api.Assertions.assertThat;

/** The secretariat's approval queue under the APPROVAL and OPEN_WITH_APPROVAL policies. */
class ApprovalIT extends EventsIntegrationTest {

    @Test
    void underTheApprovalPolicyARegistrationWaitsAndTakesItsSeatsWhenApproved() {
        String cluster = cluster();
        String event = published(cluster, Map.of("registrationPolicy", "APPROVAL", "capacity", 10));
        String enterprise = member(cluster);

        ApiClient.Response pending = register(event, enterprise, 3);

        assertThat(pending.status()).as(pending.toString()).isEqualTo(201);
        assertThat(pending.at("/status")).isEqualTo("PENDING");
        assertThat(pending.at("/approvalReason")).isEqualTo("APPROVAL_POLICY");
        assertThat(event(event).seatsTaken()).isZero();
        assertThat(ids(api.as(secretariatOf(cluster)).get("/api/events/events/" + event
                + "/registrations?status=PENDING"))).containsExactly(pending.at("/id"));

        ApiClient.Response approved = api.as(secretariatOf(cluster)).post(approval(pending), null);

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.at("/status")).isEqualTo("CONFIRMED");
        assertThat(event(event).seatsTaken()).isEqualTo(3);
        ApiClient.Response twice = api.as(secretariatOf(cluster)).post(approval(pending), null);
        assertProblem(twice, 409, "registration-state");
        assertThat(twice.at("/currentState")).isEqualTo("CONFIRMED");
        assertThat(event(event).seatsTaken()).isEqualTo(3);

        List<JsonNode> events = published.awaitExactly(about(pending.at("/id")), 2);
        assertThat(events).extracting(PublishedEvents::routingKey)
                .containsExactly("events.registration.pending.v1", "events.registration.confirmed.v1");
        assertThat(events).extracting(e -> e.get("version").asLong()).containsExactly(1L, 2L);
        assertThat(events.get(0).get("approvalReason").asString()).isEqualTo("APPROVAL_POLICY");
        assertThat(events.get(1).get("confirmedBy").asString()).isEqualTo("APPROVAL");
    }

    @Test
    void approvingForAFullEventWaitlistsTheRegistrationUntilSeatsFree() {
        String cluster = cluster();
        String event = published(cluster, Map.of("registrationPolicy", "APPROVAL", "capacity", 2,
                "seatsPerEnterprise", 2));
        ApiClient.Response first = register(event, member(cluster), 2);
        ApiClient.Response second = register(event, member(cluster), 1);
        String secretariat = secretariatOf(cluster);
        assertThat(api.as(secretariat).post(approval(first), null).at("/status")).isEqualTo("CONFIRMED");

        ApiClient.Response waitlisted = api.as(secretariat).post(approval(second), null);

        assertThat(waitlisted.at("/status")).isEqualTo("WAITLISTED");
        assertThat(waitlisted.at("/waitlistedAt")).isNotBlank();
        assertThat(event(event).seatsTaken()).isEqualTo(2);
        api.as(secretariat).post("/api/events/registrations/" + first.at("/id") + "/cancellation", null);
        assertThat(api.as(secretariat).get("/api/events/registrations/" + second.at("/id")).at("/status"))
                .isEqualTo("OFFERED");
        assertThat(published.awaitExactly(about(second.at("/id")), 3)).extracting(PublishedEvents::routingKey)
                .containsExactly("events.registration.pending.v1", "events.registration.waitlisted.v1",
                        "events.registration.offered.v1");
    }

    @Test
    void aDeclinedRegistrationGivesItsSeatsBackAndTellsTheReason() {
        String cluster = cluster();
        String event = published(cluster, Map.of("registrationPolicy", "APPROVAL"));
        String enterprise = member(cluster);
        ApiClient.Response pending = register(event, enterprise, 4);
        String decline = "/api/events/registrations/" + pending.at("/id") + "/decline";

        assertProblem(api.as(secretariatOf(cluster)).post(decline, Map.of()), 400, "validation");
        assertProblem(api.as(secretariatOf(cluster)).post(decline, null), 400, "malformed-body");
        ApiClient.Response declined = api.as(secretariatOf(cluster)).post(decline,
                Map.of("reason", "The plenary is for council members this year."));

        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.at("/status")).isEqualTo("DECLINED");
        assertProblem(api.as(secretariatOf(cluster)).post(decline, Map.of("reason", "again")), 409,
                "registration-state");
        assertProblem(api.as(secretariatOf(cluster)).post(approval(pending), null), 409, "registration-state");
        assertThat(register(event, enterprise, 4).at("/status")).as("its enterprise seats were given back")
                .isEqualTo("PENDING");
        JsonNode announced = published.awaitExactly(about(pending.at("/id")), 2).getLast();
        assertThat(PublishedEvents.routingKey(announced)).isEqualTo("events.registration.declined.v1");
        assertThat(announced.get("reason").asString()).isEqualTo("The plenary is for council members this year.");
        assertThat(announced.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void onlyTheClustersSecretariatApprovesOrDeclines() {
        String cluster = cluster();
        String event = published(cluster, Map.of("registrationPolicy", "APPROVAL"));
        String enterprise = member(cluster);
        ApiClient.Response pending = register(event, enterprise, 1);
        String decline = "/api/events/registrations/" + pending.at("/id") + "/decline";
        Map<String, String> reason = Map.of("reason", "No");

        for (String outsider : List.of(enterpriseUser(enterprise), secretariatOf(cluster()), expert())) {
            assertProblem(api.as(outsider).post(approval(pending), null), 403, "forbidden");
            assertProblem(api.as(outsider).post(decline, reason), 403, "forbidden");
        }
        assertProblem(api.anonymous().post(approval(pending), null), 401, null);
        assertProblem(api.anonymous().post(decline, reason), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).post("/api/events/registrations/nope/approval", null), 404,
                "not-found");
        assertProblem(api.as(secretariatOf(cluster)).post("/api/events/registrations/nope/decline", reason), 404,
                "not-found");

        assertThat(api.as(secretariatOf(cluster)).get("/api/events/registrations/" + pending.at("/id"))
                .at("/status")).isEqualTo("PENDING");
        assertThat(event(event).seatsTaken()).isZero();
    }

    @Test
    void anEventOpenToNonMembersTakesThemForApprovalWithTheEventsSeatsPerEnterprise() {
        String cluster = cluster();
        String event = published(cluster, Map.of("registrationPolicy", "OPEN_WITH_APPROVAL",
                "seatsPerEnterprise", 3));
        String outsider = newEnterprise();

        ApiClient.Response nonMember = register(event, outsider, 3);
        ApiClient.Response member = register(event, member(cluster, "ACTIVE", MEMBER_TIER), 2);

        assertThat(nonMember.status()).as(nonMember.toString()).isEqualTo(201);
        assertThat(nonMember.at("/status")).isEqualTo("PENDING");
        assertThat(nonMember.at("/approvalReason")).isEqualTo("NOT_A_MEMBER");
        assertThat(member.at("/status")).isEqualTo("PENDING");
        assertThat(member.at("/approvalReason")).isEqualTo("APPROVAL_POLICY");
        assertProblem(register(event, outsider, 1), 422, "enterprise-seats-exceeded");
        assertThat(api.as(secretariatOf(cluster)).post(approval(nonMember), null).at("/status"))
                .isEqualTo("CONFIRMED");
        assertThat(event(event).seatsTaken()).isEqualTo(3);

        String membersOnlyPolicy = published(cluster, Map.of("registrationPolicy", "APPROVAL"));
        assertProblem(register(membersOnlyPolicy, newEnterprise(), 1), 403, "not-a-member");
    }

    @Test
    void aRegistrationOfACancelledEventIsNoLongerApproved() {
        String cluster = cluster();
        String event = published(cluster, Map.of("registrationPolicy", "APPROVAL"));
        ApiClient.Response pending = register(event, member(cluster), 1);
        api.as(secretariatOf(cluster)).post("/api/events/events/" + event + "/cancellation",
                Map.of("reason", "Typhoon warning"));

        ApiClient.Response approved = api.as(secretariatOf(cluster)).post(approval(pending), null);

        assertProblem(approved, 409, "event-state");
        assertThat(approved.at("/currentState")).isEqualTo("CANCELLED");
    }

    private static String approval(ApiClient.Response registration) {
        return "/api/events/registrations/" + registration.at("/id") + "/approval";
    }
}
