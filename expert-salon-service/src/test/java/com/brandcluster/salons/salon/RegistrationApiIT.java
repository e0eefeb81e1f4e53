package com.brandcluster.salons.salon;

import com.brandcluster.contracts.salons.SalonRegistrationCancelled;
import com.brandcluster.contracts.salons.SalonRegistrationConfirmed;
import com.brandcluster.contracts.salons.SalonWaitlistOffered;
import com.brandcluster.platform.membership.MemberStanding;
import com.brandcluster.platform.security.Roles;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationApiIT extends SalonIntegrationTest {

    @Autowired
    Registrations registrations;

    private SalonEventsQueue published;

    @BeforeEach
    void listenToSalonEvents() throws Exception {
        published = SalonEventsQueue.bound("salons.registration.#", "salons.waitlist.#");
    }

    @AfterEach
    void close() throws Exception {
        published.close();
    }

    @Test
    void aMemberRegistersAttendeesAndIsConfirmedWithItsSeatsCounted() {
        String cluster = uniqueCluster();
        String salon = createSalon(cluster, 10, 3);
        String enterprise = member(cluster);

        ApiClient.Response registered = register(salon, enterprise, 2);

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.at("/status")).isEqualTo("CONFIRMED");
        assertThat(registered.at("/enterpriseId")).isEqualTo(enterprise);
        assertThat(registered.at("/attendees/1/name")).isEqualTo("Attendee 1");
        assertThat(registered.header("Location")).hasValueSatisfying(l -> l.endsWith("/registrations/" + registered.at("/id")));
        assertThat(api.anonymous().get("/api/salons/salons/" + salon).at("/seatsTaken")).isEqualTo("2");

        String registration = registered.at("/id");
        String path = "/api/salons/registrations/" + registration;
        assertThat(api.as(enterpriseUser(enterprise)).get(path).at("/status")).isEqualTo("CONFIRMED");
        assertThat(api.as(secretariatOf(cluster)).get(path).status()).isEqualTo(200);
        assertProblem(api.as(enterpriseUser(member(cluster))).get(path), 403, "forbidden");
        assertProblem(api.as(secretariatOf("another-cluster")).get(path), 403, "forbidden");
        assertProblem(api.as(expert()).get(path), 403, "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
    }

    @Test
    void onlyMembersInGoodStandingOfTheSalonsClusterRegister() {
        String cluster = uniqueCluster();
        String salon = createSalon(cluster, 10, 3);
        String path = "/api/salons/salons/" + salon + "/registrations";

        assertThat(register(salon, member(cluster, MemberStanding.GRACE), 1).status()).isEqualTo(201);
        assertProblem(register(salon, member(cluster, "SUSPENDED"), 1), 403, "not-a-member");
        assertProblem(register(salon, member(uniqueCluster()), 1), 403, "not-a-member");
        assertProblem(register(salon, "ent-never-heard-of", 1), 403, "not-a-member");
        assertProblem(api.as(secretariatOf(cluster)).post(path, attendees(1)), 403, "forbidden");
        assertProblem(api.as(expert()).post(path, attendees(1)), 403, "forbidden");
        assertProblem(api.anonymous().post(path, attendees(1)), 401, null);
        assertProblem(register("no-such-salon", member(cluster), 1), 404, "not-found");

        assertThat(salon(salon).seatsTaken()).isEqualTo(1);
    }

    @Test
    void badRegistrationsAreRefusedAndTakeNoSeat() {
        String cluster = uniqueCluster();
        String salon = createSalon(cluster, 10, 2);
        String enterprise = member(cluster);
        String path = "/api/salons/salons/" + salon + "/registrations";

        assertProblem(register(salon, enterprise, 0), 400, "validation");
        assertProblem(register(salon, enterprise, 3), 422, "too-many-attendees");
        assertProblem(api.as(enterpriseUser(enterprise)).post(path, Map.of("attendees", List.of(Map.of("name", " ")))),
                400, "validation");
        assertProblem(api.as(enterpriseUser(enterprise)).post(path,
                Map.of("attendees", List.of(Map.of("name", "Li", "email", "not-an-email")))), 400, "validation");
        assertProblem(api.as(enterpriseUser(enterprise)).post(path,
                Map.of("attendees", List.of(Map.of("name", "Li")), "vip", true)), 400, "unknown-property");

        assertThat(salon(salon).seatsTaken()).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("salonId").is(salon)), Registration.class)).isZero();
        assertThat(register(salon, enterprise, 2).status()).isEqualTo(201);
    }

    @Test
    void registrationIsOpenOnlyInsideItsWindow() {
        String cluster = uniqueCluster();
        String salon = createSalon(cluster, 10, 2);
        String enterprise = member(cluster);
        Instant now = Instant.now();

        mongo.updateFirst(Query.query(Criteria.where("_id").is(salon)),
                new Update().set("registrationOpensAt", now.plus(Duration.ofDays(1))), Salon.class);
        assertProblem(register(salon, enterprise, 1), 422, "registration-closed");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(salon)), new Update()
                .set("registrationOpensAt", now.minus(Duration.ofDays(2)))
                .set("registrationClosesAt", now.minus(Duration.ofDays(1))), Salon.class);
        assertProblem(register(salon, enterprise, 1), 422, "registration-closed");

        assertThat(salon(salon).seatsTaken()).isZero();
    }

    @Test
    void anEnterpriseNeverHoldsMoreThanItsSeatsAcrossRegistrations() {
        String cluster = uniqueCluster();
        String salon = createSalon(cluster, 10, 3);
        String enterprise = member(cluster);

        assertThat(register(salon, enterprise, 2).status()).isEqualTo(201);
        ApiClient.Response tooMany = register(salon, enterprise, 2);

        assertProblem(tooMany, 422, "enterprise-seats-exceeded");
        assertThat(tooMany.at("/detail")).contains("1 of 3 remain");
        assertThat(register(salon, enterprise, 1).status()).isEqualTo(201);
        assertThat(salon(salon).seatsTaken()).isEqualTo(3);
    }

    @Test
    void aFullSalonWaitlistsAndACancellationOffersTheSeatsToTheFirstInLineWhoAccepts() throws Exception {
        String cluster = uniqueCluster();
        String salon = createSalon(cluster, 3, 2);
        String seated = member(cluster);
        String first = member(cluster);
        String second = member(cluster);
        String seatedRegistration = register(salon, seated, 2).at("/id");
        register(salon, member(cluster), 1);

        ApiClient.Response firstInLine = register(salon, first, 2);
        ApiClient.Response secondInLine = register(salon, second, 1);
        assertThat(firstInLine.at("/status")).isEqualTo("WAITLISTED");
        assertThat(secondInLine.at("/status")).isEqualTo("WAITLISTED");
        assertThat(firstInLine.at("/waitlistedAt")).isNotBlank();

        ApiClient.Response cancelled = api.as(enterpriseUser(seated))
                .post("/api/salons/registrations/" + seatedRegistration + "/cancellation", null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.at("/status")).isEqualTo("CANCELLED");

        String offeredPath = "/api/salons/registrations/" + firstInLine.at("/id");
        ApiClient.Response offered = api.as(enterpriseUser(first)).get(offeredPath);
        assertThat(offered.at("/status")).isEqualTo("OFFERED");
        Instant expiry = Instant.parse(offered.at("/offerExpiresAt"));
        assertThat(expiry).isBetween(Instant.now().plus(Duration.ofMinutes(119)), Instant.now().plus(Duration.ofMinutes(121)));
        assertThat(api.as(enterpriseUser(second)).get("/api/salons/registrations/" + secondInLine.at("/id"))
                .at("/status")).isEqualTo("WAITLISTED");
        assertThat(salon(salon).seatsTaken()).isEqualTo(3);

        String acceptance = offeredPath + "/offer-acceptance";
        assertProblem(api.as(enterpriseUser(second)).post(acceptance, null), 403, "forbidden");
        assertProblem(api.as(secretariatOf(cluster)).post(acceptance, null), 403, "forbidden");
        assertProblem(api.as(expert()).post(acceptance, null), 403, "forbidden");
        assertProblem(api.anonymous().post(acceptance, null), 401, null);
        ApiClient.Response accepted = api.as(enterpriseUser(first)).post(acceptance, null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.at("/status")).isEqualTo("CONFIRMED");
        ApiClient.Response again = api.as(enterpriseUser(first)).post(acceptance, null);
        assertProblem(again, 409, "registration-state");
        assertThat(again.at("/currentState")).isEqualTo("CONFIRMED");
        assertThat(salon(salon).seatsTaken()).isEqualTo(3);

        List<JsonNode> events = published.awaitAbout(salon, 5);
        assertThat(events).extracting(e -> e.get("routingKey").asString()).containsExactlyInAnyOrder(
                SalonRegistrationConfirmed.ROUTING_KEY, SalonRegistrationConfirmed.ROUTING_KEY,
                SalonRegistrationCancelled.ROUTING_KEY, SalonWaitlistOffered.ROUTING_KEY,
                SalonRegistrationConfirmed.ROUTING_KEY);
        JsonNode offer = only(events, SalonWaitlistOffered.ROUTING_KEY);
        assertThat(offer.get("registrationId").asString()).isEqualTo(firstInLine.at("/id"));
        assertThat(offer.get("enterpriseId").asString()).isEqualTo(first);
        assertThat(offer.get("version").asLong()).isEqualTo(2);
        assertThat(offer.get("attendees").asInt()).isEqualTo(2);
        assertThat(offer.get("clusterId").asString()).isEqualTo(cluster);
        assertThat(Instant.parse(offer.get("offerExpiresAt").asString())).isEqualTo(expiry);
        JsonNode cancellation = only(events, SalonRegistrationCancelled.ROUTING_KEY);
        assertThat(cancellation.get("registrationId").asString()).isEqualTo(seatedRegistration);
        assertThat(cancellation.get("version").asLong()).isEqualTo(2);
        assertThat(cancellation.get("previousState").asString()).isEqualTo("CONFIRMED");
        assertThat(cancellation.get("cancelledBy").asString()).isEqualTo("ENTERPRISE");
        assertThat(events).filteredOn(e -> e.get("registrationId").asString().equals(firstInLine.at("/id"))
                        && e.get("routingKey").asString().equals(SalonRegistrationConfirmed.ROUTING_KEY))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("version").asLong()).isEqualTo(3);
                    assertThat(e.get("title").asString()).isEqualTo("Pricing a lighting brand");
                    assertThat(e.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
                });
    }

    @Test
    void onlyTheRegisteringEnterpriseOrTheClustersSecretariatCancelsAndOnlyOnce() {
        String cluster = uniqueCluster();
        String salon = createSalon(cluster, 10, 2);
        String enterprise = member(cluster);
        String registration = register(salon, enterprise, 2).at("/id");
        String path = "/api/salons/registrations/" + registration + "/cancellation";

        assertProblem(api.as(enterpriseUser(member(cluster))).post(path, null), 403, "forbidden");
        assertProblem(api.as(secretariatOf("another-cluster")).post(path, null), 403, "forbidden");
        assertProblem(api.as(expert()).post(path, null), 403, "forbidden");
        assertProblem(api.anonymous().post(path, null), 401, null);
        assertProblem(api.as(secretariatOf(cluster)).post("/api/salons/registrations/nope/cancellation", null),
                404, "not-found");
        assertThat(salon(salon).seatsTaken()).isEqualTo(2);

        ApiClient.Response cancelled = api.as(secretariatOf(cluster)).post(path, null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(salon(salon).seatsTaken()).isZero();
        ApiClient.Response twice = api.as(enterpriseUser(enterprise)).post(path, null);
        assertProblem(twice, 409, "registration-state");
        assertThat(twice.at("/currentState")).isEqualTo("CANCELLED");
        assertThat(salon(salon).seatsTaken()).isZero();
        assertThat(register(salon, enterprise, 2).at("/status")).isEqualTo("CONFIRMED");
    }

    @Test
    void anEnterprisesUsersListItsOwnRegistrationsNewestFirstAndNoOtherEnterprises() {
        String cluster = uniqueCluster();
        String firstSalon = createSalon(cluster, 10, 2);
        String secondCluster = uniqueCluster();
        String secondSalon = createSalon(secondCluster, 10, 2);
        String enterprise = memberAs(secondCluster, member(cluster), MemberStanding.ACTIVE);
        String other = member(cluster);
        String older = register(firstSalon, enterprise, 1).at("/id");
        String newer = register(secondSalon, enterprise, 2).at("/id");
        String othersRegistration = register(firstSalon, other, 1).at("/id");
        api.as(enterpriseUser(enterprise)).post("/api/salons/registrations/" + older + "/cancellation", null);
        String path = "/api/salons/registrations/mine";

        ApiClient.Response mine = api.as(enterpriseUser(enterprise)).get(path);
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(ids(mine)).containsExactly(newer, older);
        assertThat(mine.at("/totalElements")).isEqualTo("2");
        assertThat(mine.at("/content/0/salonId")).isEqualTo(secondSalon);
        assertThat(mine.at("/content/0/status")).isEqualTo("CONFIRMED");
        assertThat(mine.at("/content/0/attendees/1/name")).isEqualTo("Attendee 1");
        assertThat(mine.at("/content/1/status")).isEqualTo("CANCELLED");
        String colleague = TestTokens.user("colleague-at-" + enterprise).roles(Roles.ENTERPRISE)
                .enterpriseId(enterprise).issue();
        assertThat(ids(api.as(colleague).get(path))).containsExactly(newer, older);
        assertThat(ids(api.as(enterpriseUser(enterprise)).get(path + "?salonId=" + firstSalon))).containsExactly(older);
        assertThat(ids(api.as(enterpriseUser(enterprise)).get(path + "?size=1&page=1"))).containsExactly(older);
        assertThat(api.as(enterpriseUser(enterprise)).get(path + "?size=1").at("/totalPages")).isEqualTo("2");

        assertThat(ids(api.as(enterpriseUser(other)).get(path))).containsExactly(othersRegistration);
        assertThat(ids(api.as(enterpriseUser(other)).get(path + "?salonId=" + secondSalon))).isEmpty();
        assertThat(ids(api.as(enterpriseUser(member(cluster))).get(path))).isEmpty();
        assertProblem(api.as(secretariatOf(cluster)).get(path), 403, "forbidden");
        assertProblem(api.as(expert()).get(path), 403, "forbidden");
        assertProblem(api.as(TestTokens.user("no-enterprise").roles(Roles.ENTERPRISE).issue()).get(path), 403,
                "forbidden");
        assertProblem(api.anonymous().get(path), 401, null);
        assertProblem(api.as(enterpriseUser(enterprise)).get(path + "?size=500"), 400, null);
        assertProblem(api.as(enterpriseUser(enterprise)).get(path + "?salonId="), 400, null);
    }

    private static List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("content").valueStream().map(r -> r.get("id").asString()).toList();
    }

    @Test
    void aLapsedOfferPassesTheSeatsToTheNextInLineOnce() throws Exception {
        String cluster = uniqueCluster();
        String salon = createSalon(cluster, 1, 1);
        String seated = member(cluster);
        String first = member(cluster);
        String second = member(cluster);
        String seatedRegistration = register(salon, seated, 1).at("/id");
        String firstRegistration = register(salon, first, 1).at("/id");
        String secondRegistration = register(salon, second, 1).at("/id");
        api.as(enterpriseUser(seated)).post("/api/salons/registrations/" + seatedRegistration + "/cancellation", null);
        assertThat(mongo.findById(firstRegistration, Registration.class).status()).isEqualTo(Registration.Status.OFFERED);

        mongo.updateFirst(Query.query(Criteria.where("_id").is(firstRegistration)),
                new Update().set("offerExpiresAt", Instant.now().minusSeconds(1)), Registration.class);
        ApiClient.Response tooLate = api.as(enterpriseUser(first))
                .post("/api/salons/registrations/" + firstRegistration + "/offer-acceptance", null);
        assertProblem(tooLate, 409, "offer-lapsed");
        registrations.lapseOffers();
        registrations.lapseOffers();

        assertThat(mongo.findById(firstRegistration, Registration.class).status()).isEqualTo(Registration.Status.LAPSED);
        assertThat(mongo.findById(secondRegistration, Registration.class).status()).isEqualTo(Registration.Status.OFFERED);
        assertThat(salon(salon).seatsTaken()).isEqualTo(1);
        ApiClient.Response accepted = api.as(enterpriseUser(second))
                .post("/api/salons/registrations/" + secondRegistration + "/offer-acceptance", null);
        assertThat(accepted.at("/status")).isEqualTo("CONFIRMED");
        assertThat(register(salon, first, 1).at("/status")).as("the lapsed one's enterprise seat was freed")
                .isEqualTo("WAITLISTED");

        List<JsonNode> events = published.awaitAbout(salon, 6);
        JsonNode lapsed = only(events.stream().filter(e -> e.get("registrationId").asString().equals(firstRegistration))
                .toList(), SalonRegistrationCancelled.ROUTING_KEY);
        assertThat(lapsed.get("cancelledBy").asString()).isEqualTo("OFFER_LAPSED");
        assertThat(lapsed.get("previousState").asString()).isEqualTo("OFFERED");
        assertThat(lapsed.get("version").asLong()).isEqualTo(3);
        assertThat(events).filteredOn(e -> e.get("routingKey").asString().equals(SalonWaitlistOffered.ROUTING_KEY))
                .extracting(e -> e.get("registrationId").asString())
                .containsExactly(firstRegistration, secondRegistration);
    }

    private static JsonNode only(List<JsonNode> events, String routingKey) {
        List<JsonNode> matching = events.stream().filter(e -> e.get("routingKey").asString().equals(routingKey)).toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }
}
