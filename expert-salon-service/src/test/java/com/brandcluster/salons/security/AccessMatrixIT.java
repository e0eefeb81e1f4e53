package com.brandcluster.salons.security;

import com.brandcluster.platform.membership.MembershipServiceStub;
import com.brandcluster.salons.salon.SalonIntegrationTest;
import com.brandcluster.testsupport.AccessMatrix;
import com.brandcluster.testsupport.AccessMatrix.Caller;
import com.brandcluster.testsupport.AccessMatrix.Identity;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.FuzzRun;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of {@code openapi/expert-salon-service.json} as each of the eight callers of {@link AccessMatrix},
 * against two clusters with a member enterprise, a secretariat and an expert each: a consultation is its booking
 * enterprise's, its expert's and its cluster's secretariat's; a registration its enterprise's and the secretariat's;
 * a salon, its programme and registrations are managed by the cluster's secretariat; a profile, availability and
 * session bookings are the expert's own; needs and matches the enterprise's own. Experts, salons, programmes and free
 * slots are public, without what only the secretariat or the expert may see.
 */
@ExtendWith(MembershipServiceStub.class)
class AccessMatrixIT extends SalonIntegrationTest {

    private static final String CONSULTATIONS = "/api/salons/consultations";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    private String tenant;
    private String clusterA;
    private Identity secretariat;
    private Identity member;
    private Identity expertA;
    private int slotsBooked;

    @AfterEach
    void forgetTheStub() {
        MembershipServiceStub.server().resetAll();
    }

    @Test
    void noCallerReachesAnotherTenantsConsultationsRegistrationsOrProfile() {
        // membership-service knows no membership the projection does not: another cluster's enterprise is no member
        MembershipServiceStub.server().stubFor(get(urlPathMatching("/api/membership/clusters/.*"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"urn:brandcluster:problem:not-found\",\"status\":404}")));
        tenant = UUID.randomUUID().toString().substring(0, 8);
        clusterA = clusterWithTiers();
        String enterpriseA = member(clusterA);
        secretariat = Identity.secretariat("secretariat-a-" + tenant, clusterA);
        member = Identity.enterpriseUser("user-a-" + tenant, enterpriseA);
        expertA = expert("expert-a-" + tenant, clusterA);
        String clusterB = clusterWithTiers();
        Identity otherEnterprise = Identity.enterpriseUser("user-b-" + tenant, member(clusterB));
        Identity otherSecretariat = Identity.secretariat("secretariat-b-" + tenant, clusterB);
        Identity expertB = expert("expert-b-" + tenant, clusterB);

        String note = "Our price index entry, private to A " + tenant;
        String attendeeEmail = "attendee-a-" + tenant + "@example.com";
        String needsDescription = "Needs of A: pricing the lamp range " + tenant;
        String plannedTitle = "Planned keynote of A " + tenant;
        String consultation = book(member, expertA, clusterA, nextSlot(), note);
        String salon = salon(secretariat, 20, 5);
        String registration = register(member, salon, attendeeEmail);
        String programmeSalon = salon(secretariat, 20, 5);
        List<String> programme = programme(programmeSalon, plannedTitle);
        open(programmeSalon, programme.get(1));
        open(programmeSalon, programme.get(2));
        bookSession(programmeSalon, programme.get(2));
        stateNeeds(member, needsDescription);
        stateNeeds(otherEnterprise, "Needs of B");
        book(otherEnterprise, expertB, clusterB, nextSlot(), "Consultation of B");
        register(otherEnterprise, salon(otherSecretariat, 20, 5), "attendee-b@example.com");

        AccessMatrix matrix = AccessMatrix.local("expert-salon-service", port, FuzzRun.OUTBOX_COLLECTIONS)
                .otherTenant(otherEnterprise, otherSecretariat, expertB)
                .privateValues(note, attendeeEmail, needsDescription, plannedTitle)
                .tenantValues(clusterA, enterpriseA, secretariat.subject(), member.subject(), expertA.subject());
        String everyone = "public: anyone may read it, signed in or not";
        String ownEnterprise = "each enterprise has its own: another enterprise's user gets theirs, never A's";

        matrix.operation("GET /api/salons/clusters/{clusterId}/members/{enterpriseId}/standing").by(member)
                .path("clusterId", clusterA).path("enterpriseId", enterpriseA);
        matrix.operation("GET /api/salons/clusters/{clusterId}/salons").by(member).path("clusterId", clusterA)
                .publicRead(everyone);
        matrix.operation("POST /api/salons/clusters/{clusterId}/salons").by(secretariat).path("clusterId", clusterA)
                .json(json(salonRequest(30, 3)));
        matrix.operation("GET /api/salons/clusters/{clusterId}/statistics/consultations").by(secretariat)
                .path("clusterId", clusterA);
        matrix.operation("GET /api/salons/consultations").by(secretariat).query("clusterId", clusterA)
                .allows("a list of consultations is narrowed to the caller's own: another enterprise's or "
                                + "expert's in the cluster, or, by their roles, the right caller's as an expert (none)",
                        Caller.OTHER_ENTERPRISE, Caller.EXPERT, Caller.WRONG_ROLE);
        matrix.operation("POST /api/salons/consultations").by(member)
                .given(values -> values.put("start", nextSlot().toString()))
                .json("{\"expertId\": \"" + expertA.subject() + "\", \"clusterId\": \"" + clusterA
                        + "\", \"start\": \"${start}\", \"topic\": \"BRAND_EVALUATION\", \"note\": \"Booked\"}");
        matrix.operation("GET /api/salons/consultations/{consultationId}").by(member)
                .path("consultationId", consultation);
        matrix.operation("GET /api/salons/consultations/{consultationId}/calendar").by(member)
                .path("consultationId", consultation);
        matrix.operation("POST /api/salons/consultations/{consultationId}/cancellation").by(member)
                .given(values -> values.put("consultationId", booking("To cancel")))
                .json("{\"reason\": \"Plans changed\"}");
        matrix.operation("POST /api/salons/consultations/{consultationId}/completion").by(expertA)
                .given(values -> values.put("consultationId", startedConsultation()));
        matrix.operation("POST /api/salons/consultations/{consultationId}/confirmation").by(expertA)
                .given(values -> values.put("consultationId", booking("To confirm")));
        matrix.operation("POST /api/salons/consultations/{consultationId}/no-show").by(expertA)
                .given(values -> values.put("consultationId", startedConsultation()));
        matrix.operation("POST /api/salons/consultations/{consultationId}/reschedule").by(member)
                .given(values -> {
                    values.put("consultationId", booking("To move"));
                    values.put("start", nextSlot().toString());
                })
                .json("{\"start\": \"${start}\"}");
        matrix.operation("GET /api/salons/experts").by(member).publicRead(everyone);
        Identity newExpert = Identity.expert("expert-new-a-" + tenant);
        matrix.operation("POST /api/salons/experts").by(newExpert).json(json(profile(newExpert.subject(), clusterA)))
                .answers(Caller.EXPERT, 409, "an expert creates their own profile (its id is their subject): the "
                        + "other expert has one already");
        matrix.operation("GET /api/salons/experts/{expertId}").by(member).path("expertId", expertA.subject())
                .publicRead(everyone);
        matrix.operation("PATCH /api/salons/experts/{expertId}").by(expertA).path("expertId", expertA.subject())
                .json("{\"bio\": \"Thirty years of brand evaluation.\"}");
        matrix.operation("GET /api/salons/experts/{expertId}/availability").by(expertA)
                .path("expertId", expertA.subject());
        matrix.operation("PUT /api/salons/experts/{expertId}/availability").by(expertA)
                .path("expertId", expertA.subject()).json(json(availability()));
        matrix.operation("GET /api/salons/experts/{expertId}/open-sessions").by(expertA)
                .path("expertId", expertA.subject());
        LocalDate slotDay = LocalDate.now(SHANGHAI).plusDays(2);
        matrix.operation("GET /api/salons/experts/{expertId}/slots").by(member).path("expertId", expertA.subject())
                .query("from", slotDay.toString()).query("to", slotDay.plusDays(1).toString()).publicRead(everyone);
        matrix.operation("GET /api/salons/matches").by(member).allows(ownEnterprise, Caller.OTHER_ENTERPRISE);
        matrix.operation("GET /api/salons/me/personal-data").by(member)
                .self("every signed-in person has their own personal data here");
        matrix.operation("GET /api/salons/needs").by(member).allows(ownEnterprise, Caller.OTHER_ENTERPRISE);
        matrix.operation("PUT /api/salons/needs").by(member).allows(ownEnterprise, Caller.OTHER_ENTERPRISE)
                .json("{\"topics\": [\"BRAND_STRATEGY\"], \"description\": \"Restated needs\"}");
        matrix.operation("GET /api/salons/registrations/mine").by(member).allows(ownEnterprise,
                Caller.OTHER_ENTERPRISE);
        matrix.operation("GET /api/salons/registrations/{registrationId}").by(member)
                .path("registrationId", registration);
        matrix.operation("GET /api/salons/registrations/{registrationId}/calendar").by(member)
                .path("registrationId", registration);
        matrix.operation("POST /api/salons/registrations/{registrationId}/cancellation").by(member)
                .given(values -> values.put("registrationId", register(member, salon(secretariat, 20, 5),
                        "cancelling@example.com")));
        matrix.operation("POST /api/salons/registrations/{registrationId}/offer-acceptance").by(member)
                .given(values -> values.put("registrationId", offered()));
        matrix.operation("GET /api/salons/salons/{salonId}").by(member).path("salonId", salon).publicRead(everyone);
        matrix.operation("GET /api/salons/salons/{salonId}/programme").by(secretariat)
                .path("salonId", programmeSalon).publicRead(everyone + "; planned slots are the secretariat's");
        matrix.operation("PUT /api/salons/salons/{salonId}/programme").by(secretariat)
                .given(values -> {
                    String fresh = salon(secretariat, 20, 5);
                    values.put("salonId", fresh);
                    values.put("programme", json(Map.of("slots", slots(fresh, "Talk"))));
                })
                .json("${programme}");
        matrix.operation("DELETE /api/salons/salons/{salonId}/programme/{slotId}/booking").by(expertA)
                .given(values -> sessionSlot(values, true, true));
        matrix.operation("POST /api/salons/salons/{salonId}/programme/{slotId}/booking").by(expertA)
                .given(values -> sessionSlot(values, true, false));
        matrix.operation("POST /api/salons/salons/{salonId}/programme/{slotId}/confirmation").by(secretariat)
                .given(values -> sessionSlot(values, true, true));
        matrix.operation("POST /api/salons/salons/{salonId}/programme/{slotId}/opening").by(secretariat)
                .given(values -> sessionSlot(values, false, false));
        matrix.operation("POST /api/salons/salons/{salonId}/programme/{slotId}/release").by(secretariat)
                .given(values -> sessionSlot(values, true, true));
        matrix.operation("GET /api/salons/salons/{salonId}/registrations").by(secretariat).path("salonId", salon);
        matrix.operation("POST /api/salons/salons/{salonId}/registrations").by(member)
                .given(values -> values.put("salonId", salon(secretariat, 20, 5)))
                .json("{\"attendees\": [{\"name\": \"Li Na\", \"email\": \"li.na@example.com\"}]}");

        AccessMatrix.Report report = matrix.assertHolds();

        assertThat(report.cases()).isEqualTo(40 * Caller.values().length);
        assertThat(report.leaks()).isZero();
        assertThat(report.changedDocuments()).isZero();
    }

    /** A new cluster whose tier {@code member} gives a hundred consultation hours a year. */
    private String clusterWithTiers() {
        String clusterId = uniqueCluster();
        mongo.save(new Document("_id", clusterId).append("tiers", List.of(new Document("code", "member")
                        .append("name", "Member").append("rank", 1).append("consultationHoursPerYear", 100)
                        .append("seatsPerEvent", 2).append("assetAccessRank", 1)))
                .append("version", 1L).append("updatedAt", new Date()), "cluster_tiers");
        return clusterId;
    }

    /** An expert with a profile serving the cluster, free every day from 08:00 to 20:00 in hour slots. */
    private Identity expert(String subject, String clusterId) {
        Identity expert = Identity.expert(subject);
        ApiClient.Response created = api.as(expert.token()).post("/api/salons/experts", profile(subject, clusterId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ApiClient.Response available = api.as(expert.token())
                .put("/api/salons/experts/" + subject + "/availability", availability());
        assertThat(available.status()).as(available.toString()).isEqualTo(200);
        return expert;
    }

    private static Map<String, Object> profile(String subject, String clusterId) {
        return Map.of("name", "Wang Lei " + subject, "title", "Professor of brand management",
                "organisation", "Zhejiang University", "bio", "Twenty years of brand evaluation.",
                "topics", List.of("BRAND_STRATEGY", "BRAND_EVALUATION"), "languages", List.of("zh-CN", "en"),
                "timeZone", "Asia/Shanghai", "clusters", List.of(clusterId));
    }

    private static Map<String, Object> availability() {
        Map<String, Object> body = new HashMap<>();
        body.put("weekly", Arrays.stream(DayOfWeek.values())
                .map(day -> Map.of("day", day.name(), "start", "08:00", "end", "20:00")).toList());
        body.put("slotMinutes", 60);
        body.put("minimumNoticeMinutes", 60);
        body.put("autoConfirm", false);
        body.put("cancellationCutoffMinutes", 24 * 60);
        return body;
    }

    /** The next free hour in Shanghai, from two days ahead, ten a day from 09:00. */
    private Instant nextSlot() {
        int slot = slotsBooked++;
        return LocalDate.now(SHANGHAI).plusDays(2 + slot / 10).atTime(LocalTime.of(9 + slot % 10, 0))
                .atZone(SHANGHAI).toInstant();
    }

    private String book(Identity enterprise, Identity expert, String clusterId, Instant start, String note) {
        ApiClient.Response booked = api.as(enterprise.token()).post(CONSULTATIONS, Map.of("expertId",
                expert.subject(), "clusterId", clusterId, "start", start.toString(), "topic", "BRAND_EVALUATION",
                "note", note));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return booked.at("/id");
    }

    /** A new consultation of the member with expert A at the next free hour, pending. */
    private String booking(String note) {
        return book(member, expertA, clusterA, nextSlot(), note);
    }

    /** A consultation of the member with expert A, confirmed, that started ten minutes ago. */
    private String startedConsultation() {
        String id = booking("Held");
        ApiClient.Response confirmed = api.as(expertA.token()).post(CONSULTATIONS + "/" + id + "/confirmation", null);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        Instant start = Instant.now().minus(Duration.ofMinutes(10));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("start", start)
                .set("end", start.plus(Duration.ofHours(1))), "consultations");
        return id;
    }

    /** A salon two weeks ahead of the first cluster of this secretariat, published by it. */
    private String salon(Identity by, int capacity, int seatsPerEnterprise) {
        String clusterId = by.secretariatOf().getFirst();
        ApiClient.Response created = api.as(by.token()).post("/api/salons/clusters/" + clusterId + "/salons",
                salonRequest(capacity, seatsPerEnterprise));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id");
    }

    private String register(Identity enterprise, String salonId, String attendeeEmail) {
        ApiClient.Response registered = api.as(enterprise.token()).post("/api/salons/salons/" + salonId
                + "/registrations", Map.of("attendees", List.of(Map.of("name", "Attendee " + tenant,
                "email", attendeeEmail))));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.at("/id");
    }

    /** A registration of the member offered the seat another member of cluster A gave up. */
    private String offered() {
        String full = salon(secretariat, 1, 1);
        Identity seated = Identity.enterpriseUser("user-c-" + UUID.randomUUID(), member(clusterA));
        String seat = register(seated, full, "seated@example.com");
        String waiting = register(member, full, "waiting@example.com");
        ApiClient.Response cancelled = api.as(seated.token()).post("/api/salons/registrations/" + seat
                + "/cancellation", null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        return waiting;
    }

    private void stateNeeds(Identity enterprise, String description) {
        ApiClient.Response stated = api.as(enterprise.token()).put("/api/salons/needs",
                Map.of("topics", List.of("BRAND_EVALUATION"), "description", description));
        assertThat(stated.status()).as(stated.toString()).isIn(200, 201);
    }

    /** Three slots of the salon's programme, 14:00-14:45, 15:00-16:00 and 16:00-17:00 local time. */
    private List<Map<String, Object>> slots(String salonId, String firstTitle) {
        LocalDateTime start = LocalDateTime.parse(api.anonymous().get("/api/salons/salons/" + salonId)
                .at("/localStartsAt"));
        return List.of(slot("TALK", firstTitle, start, start.plusMinutes(45)),
                slot("PANEL", "Pricing under one brand", start.plusHours(1), start.plusHours(2)),
                slot("CLINIC", "Bring your price list", start.plusHours(2), start.plusHours(3)));
    }

    private static Map<String, Object> slot(String kind, String title, LocalDateTime start, LocalDateTime end) {
        return Map.of("kind", kind, "title", title, "description", "About " + title, "startsAt", start.toString(),
                "endsAt", end.toString());
    }

    /** Sets the salon's programme of three PLANNED slots; their ids in start order. */
    private List<String> programme(String salonId, String firstTitle) {
        ApiClient.Response set = api.as(secretariat.token()).put("/api/salons/salons/" + salonId + "/programme",
                Map.of("slots", slots(salonId, firstTitle)));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        return List.of(set.at("/slots/0/id"), set.at("/slots/1/id"), set.at("/slots/2/id"));
    }

    private void open(String salonId, String slotId) {
        ApiClient.Response opened = api.as(secretariat.token()).post("/api/salons/salons/" + salonId
                + "/programme/" + slotId + "/opening", null);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
    }

    private void bookSession(String salonId, String slotId) {
        ApiClient.Response booked = api.as(expertA.token()).post("/api/salons/salons/" + salonId + "/programme/"
                + slotId + "/booking", null);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(200);
    }

    /** A fresh salon of cluster A with a programme; its first slot PLANNED, opened, or booked by expert A. */
    private void sessionSlot(Map<String, String> values, boolean opened, boolean booked) {
        String salonId = salon(secretariat, 20, 5);
        String slotId = programme(salonId, "Talk").getFirst();
        if (opened) {
            open(salonId, slotId);
        }
        if (booked) {
            bookSession(salonId, slotId);
        }
        values.put("salonId", salonId);
        values.put("slotId", slotId);
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
