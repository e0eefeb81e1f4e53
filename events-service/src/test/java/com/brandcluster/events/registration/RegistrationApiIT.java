package com.brandcluster.events.registration;

import com.brandcluster.events.EventsIntegrationTest;
import com.brandcluster.events.PublishedEvents;
import com.brandcluster.events.event.ExchangeEvent;
import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static com.brandcluster.events.PublishedEvents.about;
import static com.brandcluster.events.PublishedEvents.routingKey;
import static org.assertj.core.api.Assertions.assertThat;

/** Registering, the seat limits, the waitlist with its offers, cancelling and reading registrations. */
class RegistrationApiIT extends EventsIntegrationTest {

    @Autowired
    Waitlist waitlist;

    @Autowired
    EventFollowUps followUps;

    @Test
    void aMemberRegistersNamedAttendeesAndIsConfirmedWithItsSeatsCounted() {
        String cluster = cluster();
        String event = published(cluster, 10, 4);
        String enterprise = member(cluster);

        ApiClient.Response registered = register(event, enterprise, 2);

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.at("/id");
        assertThat(registered.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/registrations/" + id));
        assertThat(registered.at("/status")).isEqualTo("CONFIRMED");
        assertThat(registered.at("/enterpriseId")).isEqualTo(enterprise);
        assertThat(registered.at("/exchangeEventId")).isEqualTo(event);
        assertThat(registered.at("/attendees/0/jobTitle")).isEqualTo("Export manager");
        assertThat(registered.at("/attendees/0/consentToAttendeeList")).isEqualTo("true");
        assertThat(registered.at("/attendees/1/consentToAttendeeList")).isEqualTo("false");
        assertThat(registered.at("/version")).isEqualTo("1");
        assertThat(event(event).seatsTaken()).isEqualTo(2);
        assertThat(api.anonymous().get("/api/events/events/" + event).at("/seatsAvailable")).isEqualTo("8");

        String path = "/api/events/registrations/" + id;
        assertThat(api.as(enterpriseUser(enterprise)).get(path).at("/status")).isEqualTo("CONFIRMED");
        assertThat(api.as(secretariatOf(cluster)).get(path).status()).isEqualTo(200);
        assertProblem(api.as(enterpriseUser(member(cluster))).get(path), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster())).get(path), 403, "forbidden");
        assertProblem(api.as(expert()).get(path), 403, "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).get("/api/events/registrations/nope"), 404, "not-found");

        JsonNode confirmed = published.awaitExactly(about(id), 1).getFirst();
        assertThat(routingKey(confirmed)).isEqualTo("events.registration.confirmed.v1");
        assertThat(confirmed.get("confirmedBy").asString()).isEqualTo("AUTOMATIC");
        assertThat(confirmed.get("version").asLong()).isEqualTo(1);
        assertThat(confirmed.get("attendees").asInt()).isEqualTo(2);
        assertThat(confirmed.get("clusterId").asString()).isEqualTo(cluster);
        assertThat(confirmed.get("title").asString())
                .isEqualTo("Cooperation meeting: export channels for lighting brands");
    }

    @Test
    void membersInGoodStandingRegisterASuspendedOneWaitsForApprovalAndOthersAreRefused() {
        String cluster = cluster();
        String event = published(cluster, 10, 4);
        String path = "/api/events/events/" + event + "/registrations";

        assertThat(register(event, member(cluster, MemberStanding.GRACE, MEMBER_TIER), 1).at("/status"))
                .isEqualTo("CONFIRMED");
        ApiClient.Response suspended = register(event, member(cluster, "SUSPENDED", MEMBER_TIER), 1);
        assertThat(suspended.status()).isEqualTo(201);
        assertThat(suspended.at("/status")).isEqualTo("PENDING");
        assertThat(suspended.at("/approvalReason")).isEqualTo("MEMBERSHIP_SUSPENDED");
        assertProblem(register(event, member(cluster, "LAPSED", MEMBER_TIER), 1), 403, "not-a-member");
        assertProblem(register(event, member(cluster(), MemberStanding.ACTIVE, COUNCIL_TIER), 1), 403, "not-a-member");
        assertProblem(register(event, newEnterprise(), 1), 403, "not-a-member");
        assertProblem(api.as(secretariatOf(cluster)).post(path, attendees(1)), 403, "forbidden");
        assertProblem(api.as(expert()).post(path, attendees(1)), 403, "forbidden");
        assertProblem(api.anonymous().post(path, attendees(1)), 401, null);
        assertProblem(register("no-such-event", member(cluster), 1), 404, "not-found");
        assertProblem(register(draft(cluster, Map.of()), member(cluster), 1), 404, "not-found");
        String membersOnly = published(cluster, Map.of("visibility", "MEMBERS_ONLY"));
        assertProblem(register(membersOnly, member(cluster(), MemberStanding.ACTIVE, COUNCIL_TIER), 1), 403,
                "members-only");

        assertThat(event(event).seatsTaken()).isEqualTo(1);
    }

    @Test
    void badRegistrationsAreRefusedAndTakeNothing() {
        String cluster = cluster();
        String event = published(cluster, 10, 4);
        String enterprise = member(cluster, MemberStanding.ACTIVE, MEMBER_TIER);
        String user = enterpriseUser(enterprise);
        String path = "/api/events/events/" + event + "/registrations";
        Map<String, Object> attendee = Map.of("name", "Li Ming", "email", "li.ming@opal.example",
                "consentToAttendeeList", true);

        assertProblem(register(event, enterprise, 0), 400, "validation");
        assertInvalidField(api.as(user).post(path, Map.of("attendees", List.of(Map.of("name", "Li Ming",
                "email", "li.ming@opal.example")))), "attendees[0].consentToAttendeeList");
        assertInvalidField(api.as(user).post(path, Map.of("attendees", List.of(Map.of("name", "Li Ming",
                "email", "not-an-email", "consentToAttendeeList", true)))), "attendees[0].email");
        assertInvalidField(api.as(user).post(path, Map.of("attendees", List.of(Map.of("name", " ",
                "email", "li.ming@opal.example", "consentToAttendeeList", true)))), "attendees[0].name");
        assertProblem(api.as(user).post(path, Map.of("attendees", List.of(attendee), "vip", true)), 400,
                "unknown-property");
        ApiClient.Response tooMany = register(event, enterprise, 3);
        assertProblem(tooMany, 422, "too-many-attendees");
        assertThat(tooMany.at("/detail")).contains("at most 2 seats");

        assertThat(event(event).seatsTaken()).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("exchangeEventId").is(event)), Registration.class)).isZero();
        assertThat(register(event, enterprise, 2).at("/status")).isEqualTo("CONFIRMED");
    }

    @Test
    void anEnterpriseHoldsAtMostTheSmallerOfTheEventsSeatsAndItsTiersAcrossRegistrations() {
        String cluster = cluster();
        String event = published(cluster, 20, 3);
        String ordinary = member(cluster, MemberStanding.ACTIVE, MEMBER_TIER);
        String council = member(cluster, MemberStanding.ACTIVE, COUNCIL_TIER);

        assertThat(register(event, ordinary, 2).status()).isEqualTo(201);
        ApiClient.Response beyondTier = register(event, ordinary, 1);
        assertProblem(beyondTier, 422, "enterprise-seats-exceeded");
        assertThat(beyondTier.at("/detail")).contains("0 of 2 remain");

        assertThat(register(event, council, 2).status()).isEqualTo(201);
        ApiClient.Response beyondEvent = register(event, council, 2);
        assertProblem(beyondEvent, 422, "enterprise-seats-exceeded");
        assertThat(beyondEvent.at("/detail")).contains("1 of 3 remain");
        assertThat(register(event, council, 1).status()).isEqualTo(201);

        assertThat(event(event).seatsTaken()).isEqualTo(5);
    }

    @Test
    void aMemberWhoseTierIsNotKnownHereYetIsAskedToTryAgainAndNothingIsRegistered() {
        String withTiers = cluster();
        String event = published(withTiers, 10, 4);
        String tierless = "tierless-" + newEnterprise();
        String eventOfTierless = published(tierless, 10, 4);

        assertProblem(register(event, member(withTiers, "ACTIVE", "platinum"), 1), 503, "tier-unknown");
        assertProblem(register(eventOfTierless, member(tierless), 1), 503, "tier-unknown");

        assertThat(event(event).seatsTaken()).isZero();
        assertThat(event(eventOfTierless).seatsTaken()).isZero();
    }

    @Test
    void registrationIsOpenOnlyInsideItsWindowAndNotForACancelledEvent() {
        String cluster = cluster();
        String event = published(cluster, 10, 4);
        String enterprise = member(cluster);
        Instant now = Instant.now();

        mongo.updateFirst(Query.query(Criteria.where("_id").is(event)),
                new Update().set("details.registrationOpensAt", now.plus(Duration.ofDays(1))), ExchangeEvent.class);
        assertProblem(register(event, enterprise, 1), 422, "registration-closed");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event)), new Update()
                .set("details.registrationOpensAt", now.minus(Duration.ofDays(2)))
                .set("details.registrationClosesAt", now.minus(Duration.ofDays(1))), ExchangeEvent.class);
        assertProblem(register(event, enterprise, 1), 422, "registration-closed");

        String cancelled = published(cluster, 10, 4);
        api.as(secretariatOf(cluster)).post("/api/events/events/" + cancelled + "/cancellation",
                Map.of("reason", "Typhoon warning"));
        ApiClient.Response tooLate = register(cancelled, enterprise, 1);
        assertProblem(tooLate, 409, "event-state");
        assertThat(tooLate.at("/currentState")).isEqualTo("CANCELLED");

        assertThat(event(event).seatsTaken()).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("enterpriseId").is(enterprise)), Registration.class))
                .isZero();
    }

    @Test
    void aFullEventWaitlistsAndFreedSeatsAreOfferedToTheFirstInLineThatFitsWhoAccepts() {
        String cluster = cluster();
        String event = published(cluster, 3, 2);
        String leaving = member(cluster);
        String needsTwo = member(cluster);
        String needsOne = member(cluster);
        String leavingRegistration = register(event, leaving, 2).at("/id");
        register(event, member(cluster), 1);
        ApiClient.Response twoInLine = register(event, needsTwo, 2);
        ApiClient.Response oneInLine = register(event, needsOne, 1);
        assertThat(List.of(twoInLine, oneInLine)).allSatisfy(waiting -> {
            assertThat(waiting.status()).isEqualTo(201);
            assertThat(waiting.at("/status")).isEqualTo("WAITLISTED");
            assertThat(waiting.at("/waitlistedAt")).isNotBlank();
        });
        String offered = twoInLine.at("/id");

        ApiClient.Response left = api.as(enterpriseUser(leaving)).post(
                "/api/events/registrations/" + leavingRegistration + "/cancellation",
                Map.of("reason", "Our export manager travels that week."));

        assertThat(left.at("/status")).as(left.toString()).isEqualTo("CANCELLED");
        Registration offer = stored(offered);
        assertThat(offer.status()).isEqualTo(Registration.Status.OFFERED);
        assertThat(offer.offerExpiresAt()).as("the configured 24 hours")
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        assertThat(stored(oneInLine.at("/id")).status()).isEqualTo(Registration.Status.WAITLISTED);
        assertThat(event(event).seatsTaken()).as("held for the offer").isEqualTo(3);
        for (String outsider : List.of(enterpriseUser(needsOne), secretariatOf(cluster), expert())) {
            assertProblem(acceptOffer(outsider, offered), 403, "forbidden");
        }
        assertProblem(api.anonymous().post("/api/events/registrations/" + offered + "/offer-acceptance", null),
                401, null);

        assertThat(acceptOffer(enterpriseUser(needsTwo), offered).at("/status")).isEqualTo("CONFIRMED");
        ApiClient.Response twice = acceptOffer(enterpriseUser(needsTwo), offered);
        assertProblem(twice, 409, "registration-state");
        assertThat(twice.at("/currentState")).isEqualTo("CONFIRMED");
        assertThat(event(event).seatsTaken()).isEqualTo(3);

        List<JsonNode> events = published.awaitExactly(about(offered), 3);
        assertThat(events).extracting(PublishedEvents::routingKey).containsExactly(
                "events.registration.waitlisted.v1", "events.registration.offered.v1",
                "events.registration.confirmed.v1");
        assertThat(events).extracting(e -> e.get("version").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(Instant.parse(events.get(1).get("offerExpiresAt").asString())).isEqualTo(offer.offerExpiresAt());
        assertThat(events.get(2).get("confirmedBy").asString()).isEqualTo("OFFER_ACCEPTED");
        JsonNode cancellation = published.awaitExactly(about(leavingRegistration), 2).getLast();
        assertThat(routingKey(cancellation)).isEqualTo("events.registration.cancelled.v1");
        assertThat(cancellation.get("version").asLong()).isEqualTo(2);
        assertThat(cancellation.get("previousState").asString()).isEqualTo("CONFIRMED");
        assertThat(cancellation.get("cancelledBy").asString()).isEqualTo("ENTERPRISE");
        assertThat(cancellation.get("reason").asString()).isEqualTo("Our export manager travels that week.");
    }

    @Test
    void anOfferNeverRunsPastTheEventsStart() {
        String cluster = cluster();
        String event = published(cluster, 1, 1);
        String seated = register(event, member(cluster), 1).at("/id");
        String waiting = register(event, member(cluster), 1).at("/id");
        Instant soon = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event)), new Update().set("details.startsAt", soon),
                ExchangeEvent.class);

        api.as(secretariatOf(cluster)).post("/api/events/registrations/" + seated + "/cancellation", null);

        assertThat(stored(waiting).status()).isEqualTo(Registration.Status.OFFERED);
        assertThat(stored(waiting).offerExpiresAt()).isEqualTo(soon);
    }

    @Test
    void aCancellationCutShortBeforeItsRegistrationsFollowedIsFinishedByTheSweepOnce() {
        String cluster = cluster();
        String event = published(cluster, 2, 2);
        String confirmed = register(event, member(cluster), 2).at("/id");
        String waitlisted = register(event, member(cluster), 1).at("/id");
        // as a crash right after the event's cancellation was saved leaves it
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event)), new Update()
                .set("status", ExchangeEvent.Status.CANCELLED).set("cancellationReason", "Typhoon warning")
                .set("registrationsSettled", false), ExchangeEvent.class);

        followUps.sweepCancelledEvents();
        followUps.sweepCancelledEvents();

        assertThat(stored(confirmed).status()).isEqualTo(Registration.Status.CANCELLED);
        assertThat(stored(waitlisted).status()).isEqualTo(Registration.Status.CANCELLED);
        assertThat(stored(confirmed).version()).isEqualTo(2);
        assertThat(event(event).registrationsSettled()).isTrue();
        assertThat(event(event).seatsTaken()).isZero();
        assertThat(published.awaitExactly(about(waitlisted), 2).getLast().get("reason").asString())
                .isEqualTo("Typhoon warning");
    }

    @Test
    void aLapsedOfferPassesTheSeatsToTheNextInLineOnce() {
        String cluster = cluster();
        String event = published(cluster, 1, 1);
        String seated = member(cluster);
        String first = member(cluster);
        String second = member(cluster);
        String seatedRegistration = register(event, seated, 1).at("/id");
        String firstRegistration = register(event, first, 1).at("/id");
        String secondRegistration = register(event, second, 1).at("/id");
        api.as(enterpriseUser(seated)).post("/api/events/registrations/" + seatedRegistration + "/cancellation", null);
        assertThat(stored(firstRegistration).status()).isEqualTo(Registration.Status.OFFERED);

        mongo.updateFirst(Query.query(Criteria.where("_id").is(firstRegistration)),
                new Update().set("offerExpiresAt", Instant.now().minusSeconds(1)), Registration.class);
        assertProblem(acceptOffer(enterpriseUser(first), firstRegistration), 409, "offer-lapsed");
        waitlist.lapseOffers();
        waitlist.lapseOffers();

        assertThat(stored(firstRegistration).status()).isEqualTo(Registration.Status.LAPSED);
        assertThat(stored(secondRegistration).status()).isEqualTo(Registration.Status.OFFERED);
        assertThat(event(event).seatsTaken()).isEqualTo(1);
        assertThat(acceptOffer(enterpriseUser(second), secondRegistration).at("/status")).isEqualTo("CONFIRMED");
        assertThat(register(event, first, 1).at("/status")).as("the lapsed one gave its enterprise seat back")
                .isEqualTo("WAITLISTED");

        JsonNode lapsed = published.awaitExactly(about(firstRegistration), 3).getLast();
        assertThat(routingKey(lapsed)).isEqualTo("events.registration.cancelled.v1");
        assertThat(lapsed.get("cancelledBy").asString()).isEqualTo("OFFER_LAPSED");
        assertThat(lapsed.get("previousState").asString()).isEqualTo("OFFERED");
        assertThat(lapsed.get("version").asLong()).isEqualTo(3);
    }

    @Test
    void onlyTheRegisteringEnterpriseOrTheSecretariatCancelsAndOnlyOnce() {
        String cluster = cluster();
        String event = published(cluster, 10, 4);
        String enterprise = member(cluster);
        String registration = register(event, enterprise, 2).at("/id");
        String path = "/api/events/registrations/" + registration + "/cancellation";

        for (String outsider : List.of(enterpriseUser(member(cluster)), secretariatOf(cluster()), expert())) {
            assertProblem(api.as(outsider).post(path, null), 403, "forbidden");
        }
        assertProblem(api.anonymous().post(path, null), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).post("/api/events/registrations/nope/cancellation", null),
                404, "not-found");
        assertInvalidField(api.as(enterpriseUser(enterprise)).post(path, Map.of("reason", "x".repeat(2001))),
                "reason");
        assertThat(event(event).seatsTaken()).isEqualTo(2);

        ApiClient.Response cancelled = api.as(secretariatOf(cluster)).post(path, Map.of("reason", "Duplicate"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(event(event).seatsTaken()).isZero();
        ApiClient.Response twice = api.as(enterpriseUser(enterprise)).post(path, null);
        assertProblem(twice, 409, "registration-state");
        assertThat(twice.at("/currentState")).isEqualTo("CANCELLED");
        assertThat(event(event).seatsTaken()).isZero();
        assertThat(register(event, enterprise, 4).at("/status")).isEqualTo("CONFIRMED");
        assertThat(published.awaitExactly(about(registration), 2).getLast().get("cancelledBy").asString())
                .isEqualTo("SECRETARIAT");
    }

    @Test
    void theSecretariatListsEveryRegistrationAndAnEnterpriseItsOwn() {
        String cluster = cluster();
        String event = published(cluster, 2, 2);
        String first = member(cluster);
        String second = member(cluster);
        String confirmed = register(event, first, 2).at("/id");
        String waitlisted = register(event, second, 1).at("/id");
        String path = "/api/events/events/" + event + "/registrations";

        assertThat(ids(api.as(secretariatOf(cluster)).get(path))).containsExactly(confirmed, waitlisted);
        assertThat(ids(api.as(secretariatOf(cluster)).get(path + "?status=WAITLISTED"))).containsExactly(waitlisted);
        assertThat(ids(api.as(secretariatOf(cluster)).get(path + "?size=1&page=1"))).containsExactly(waitlisted);
        assertThat(ids(api.as(enterpriseUser(first)).get(path))).containsExactly(confirmed);
        assertThat(ids(api.as(enterpriseUser(second)).get(path + "?status=CONFIRMED"))).isEmpty();
        assertThat(ids(api.as(enterpriseUser(member(cluster))).get(path))).isEmpty();
        assertProblem(api.as(secretariatOf(cluster())).get(path), 403, "forbidden");
        assertProblem(api.as(expert()).get(path), 403, "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).get(path + "?status=MAYBE"), 400, "validation");
        String draft = draft(cluster, Map.of());
        assertProblem(api.as(enterpriseUser(first)).get("/api/events/events/" + draft + "/registrations"), 404,
                "not-found");
        assertThat(ids(api.as(secretariatOf(cluster)).get("/api/events/events/" + draft + "/registrations")))
                .isEmpty();
    }

    @Test
    void anOutsiderIsRefusedTheRegistrationsOfAMembersOnlyEventAndARegistrantKeepsSeeingItsOwn() {
        String cluster = cluster();
        String event = published(cluster, Map.of("visibility", "MEMBERS_ONLY"));
        String registrant = member(cluster);
        String registration = register(event, registrant, 1).at("/id");
        String path = "/api/events/events/" + event + "/registrations";

        assertProblem(api.as(enterpriseUser(member(cluster()))).get(path), 403, "members-only");
        assertThat(ids(api.as(enterpriseUser(member(cluster))).get(path))).isEmpty();
        mongo.updateFirst(Query.query(Criteria.where("enterpriseId").is(registrant)),
                Update.update("status", "LAPSED"), MemberStanding.class);
        assertProblem(api.as(enterpriseUser(registrant)).get("/api/events/events/" + event), 403, "members-only");
        assertThat(ids(api.as(enterpriseUser(registrant)).get(path))).containsExactly(registration);
    }

    @Test
    void aGrownCapacityIsOfferedToTheWaitlist() {
        String cluster = cluster();
        String event = published(cluster, 1, 1);
        register(event, member(cluster), 1);
        String waiting = register(event, member(cluster), 1).at("/id");

        ApiClient.Response grown = api.as(secretariatOf(cluster)).send("PATCH", "/api/events/events/" + event,
                "{\"capacity\": 2}", "application/merge-patch+json");

        assertThat(grown.status()).as(grown.toString()).isEqualTo(200);
        assertThat(stored(waiting).status()).isEqualTo(Registration.Status.OFFERED);
        assertThat(event(event).seatsTaken()).isEqualTo(2);
    }

    private ApiClient.Response acceptOffer(String token, String registrationId) {
        return api.as(token).post("/api/events/registrations/" + registrationId + "/offer-acceptance", null);
    }

    private Registration stored(String registrationId) {
        return mongo.findById(registrationId, Registration.class);
    }
}
