package com.brandcluster.membership.enterprise;

import com.brandcluster.contracts.membership.EnterpriseUpdated;
import com.brandcluster.contracts.membership.EnterpriseUserLinked;
import com.brandcluster.membership.MembershipIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** PATCH /api/membership/enterprises/{enterpriseId}: the enterprise's admins edit its profile. */
class EnterpriseProfileApiIT extends MembershipIntegrationTest {

    @Autowired
    EnterpriseRepository enterprises;

    private PublishedEvents events;

    @BeforeEach
    void listen() throws Exception {
        new KeycloakStub(keycloak).realm();
        events = new PublishedEvents();
    }

    @AfterEach
    void close() throws Exception {
        events.close();
    }

    private String path(String enterpriseId) {
        return "/api/membership/enterprises/" + enterpriseId;
    }

    @Test
    void anAdminChangesSomeFieldsAndTheRestStays() {
        String enterprise = registerEnterprise("profile-admin");

        ApiClient.Response patched = api.as(enterpriseUser("profile-admin", enterprise)).send("PATCH", path(enterprise),
                "{\"legalName\":\"  Opal Lighting Group \",\"trademarks\":[\"OPAL\",\"OPAL PRO\"],\"website\":null}",
                "application/merge-patch+json");

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.at("/legalName")).isEqualTo("Opal Lighting Group");
        assertThat(patched.json().get("trademarks").toString()).isEqualTo("[\"OPAL\",\"OPAL PRO\"]");
        assertThat(patched.json().get("website").isNull()).isTrue();
        assertThat(patched.at("/region")).isEqualTo("Guangdong");
        assertThat(patched.at("/contacts/0/name")).isEqualTo("Li Ming");
        Enterprise stored = enterprises.findById(enterprise).orElseThrow();
        assertThat(stored.legalName()).isEqualTo("Opal Lighting Group");
        assertThat(stored.website()).isNull();
        assertThat(stored.industry()).isEqualTo("Lighting");
    }

    @Test
    void registrationAndEveryProfileChangeArePublishedWithIncreasingVersions() {
        String enterprise = registerEnterprise("versioned-admin");
        ApiClient admin = api.as(enterpriseUser("versioned-admin", enterprise));

        admin.send("PATCH", path(enterprise), "{\"size\":\"MEDIUM\"}", "application/json");
        admin.send("PATCH", path(enterprise), "{\"size\":\"MEDIUM\"}", "application/json"); // no change, no event

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events.where("enterpriseId", enterprise)).hasSize(3));
        List<PublishedEvents.Event> published = events.where("enterpriseId", enterprise);
        PublishedEvents.Event registered = events.where("enterpriseId", enterprise, EnterpriseUpdated.ROUTING_KEY).getFirst();
        assertThat(registered.version()).isEqualTo(1);
        assertThat(registered.text("size")).isEqualTo("LARGE");
        PublishedEvents.Event linked = events.where("enterpriseId", enterprise, EnterpriseUserLinked.ROUTING_KEY).getFirst();
        assertThat(linked.version()).isEqualTo(2);
        assertThat(linked.text("userId")).isEqualTo("versioned-admin");
        assertThat(linked.text("enterpriseRole")).isEqualTo("ADMIN");
        assertThat(linked.text("email")).isEqualTo("versioned-admin@example.test");
        PublishedEvents.Event updated = events.where("enterpriseId", enterprise, EnterpriseUpdated.ROUTING_KEY).getLast();
        assertThat(updated.version()).isEqualTo(3);
        assertThat(updated.text("size")).isEqualTo("MEDIUM");
        assertThat(updated.text("legalName")).isEqualTo("Enterprise versioned-admin");
        assertThat(published).extracting(PublishedEvents.Event::routingKey).containsExactly(EnterpriseUpdated.ROUTING_KEY,
                EnterpriseUserLinked.ROUTING_KEY, EnterpriseUpdated.ROUTING_KEY);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(events.where("enterpriseId", enterprise)).hasSize(3));
    }

    @Test
    void onlyAnAdminOfTheEnterpriseEditsItsProfile() {
        String enterprise = registerEnterprise("owner-admin");
        String other = registerEnterprise("rival-admin");
        new KeycloakStub(keycloak).user("owner-staff", "owner-staff", "staff@owner.example", Map.of());
        assertThat(api.as(enterpriseUser("owner-admin", enterprise)).post(path(enterprise) + "/colleagues",
                Map.of("email", "staff@owner.example", "role", "STAFF")).status()).isEqualTo(201);

        assertProblem(api.as(enterpriseUser("owner-staff", enterprise)).send("PATCH", path(enterprise),
                "{\"legalName\":\"Hijacked Ltd.\"}", "application/json"), 403, "forbidden");
        assertProblem(api.as(enterpriseUser("rival-admin", other)).send("PATCH", path(enterprise),
                "{\"legalName\":\"Hijacked Ltd.\"}", "application/json"), 403, "forbidden");
        assertProblem(api.as(secretariatOf("lighting")).send("PATCH", path(enterprise),
                "{\"legalName\":\"Hijacked Ltd.\"}", "application/json"), 403, "forbidden");
        assertProblem(api.as(allianceAdmin()).send("PATCH", path(enterprise),
                "{\"legalName\":\"Hijacked Ltd.\"}", "application/json"), 403, "forbidden");
        assertProblem(api.anonymous().send("PATCH", path(enterprise), "{\"legalName\":\"Hijacked Ltd.\"}",
                "application/json"), 401, null);
        assertProblem(api.as(enterpriseUser("owner-admin", enterprise)).send("PATCH", path(other),
                "{\"legalName\":\"Hijacked Ltd.\"}", "application/json"), 403, "forbidden");
        assertThat(enterprises.findById(enterprise).orElseThrow().legalName()).isEqualTo("Enterprise owner-admin");
        assertThat(enterprises.findById(other).orElseThrow().legalName()).isEqualTo("Enterprise rival-admin");
    }

    @Test
    void theCreditCodeNeverChanges() {
        String enterprise = registerEnterprise("code-admin");
        String code = enterprises.findById(enterprise).orElseThrow().creditCode();

        ApiClient.Response response = api.as(enterpriseUser("code-admin", enterprise)).send("PATCH", path(enterprise),
                "{\"legalName\":\"New Name\",\"creditCode\":\"" + newCreditCode() + "\"}", "application/json");

        assertProblem(response, 400, "immutable-property");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("creditCode");
        Enterprise stored = enterprises.findById(enterprise).orElseThrow();
        assertThat(stored.creditCode()).isEqualTo(code);
        assertThat(stored.legalName()).isEqualTo("Enterprise code-admin");
    }

    @Test
    void unknownPropertiesAreRefusedByNameAtEveryLevel() {
        String enterprise = registerEnterprise("strict-admin");
        ApiClient admin = api.as(enterpriseUser("strict-admin", enterprise));

        ApiClient.Response topLevel = admin.send("PATCH", path(enterprise),
                "{\"legalName\":\"X\",\"users\":[{\"userId\":\"me\",\"role\":\"ADMIN\"}]}", "application/json");
        assertProblem(topLevel, 400, "unknown-property");
        assertThat(topLevel.json().get("errors").findValuesAsString("field")).containsExactly("users");

        ApiClient.Response nested = admin.send("PATCH", path(enterprise),
                "{\"contacts\":[{\"name\":\"Wang\",\"isAdmin\":true}]}", "application/json");
        assertProblem(nested, 400, "unknown-property");
        assertThat(nested.json().get("errors").findValuesAsString("field")).containsExactly("contacts[0].isAdmin");

        assertProblem(admin.send("PATCH", path(enterprise), "{\"registeredBy\":\"me\"}", "application/json"), 400,
                "unknown-property");
        assertThat(enterprises.findById(enterprise).orElseThrow().contacts()).extracting(Enterprise.Contact::name)
                .containsExactly("Li Ming");
    }

    @Test
    void invalidValuesAreListedAndNothingChanges() {
        String enterprise = registerEnterprise("careless-admin");
        ApiClient admin = api.as(enterpriseUser("careless-admin", enterprise));

        ApiClient.Response invalid = admin.send("PATCH", path(enterprise),
                "{\"legalName\":null,\"website\":\"ftp://nope\",\"size\":\"HUGE\",\"region\":\"" + "x".repeat(101) + "\"}",
                "application/json");
        assertProblem(invalid, 400, "validation");
        assertThat(invalid.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("legalName", "website", "size", "region");

        ApiClient.Response wrongType = admin.send("PATCH", path(enterprise), "{\"trademarks\":\"OPAL\"}", "application/json");
        assertProblem(wrongType, 400, "validation");
        assertThat(wrongType.json().get("errors").findValuesAsString("field")).containsExactly("trademarks");

        assertProblem(admin.send("PATCH", path(enterprise), "[1,2]", "application/json"), 400, "malformed-body");
        assertProblem(admin.send("PATCH", path(enterprise), "{\"legalName\":", "application/json"), 400, null);
        Map<String, Object> tooMany = new HashMap<>();
        tooMany.put("trademarks", java.util.Collections.nCopies(51, "TM"));
        assertProblem(admin.send("PATCH", path(enterprise), toJson(tooMany), "application/json"), 400, "validation");
        Enterprise stored = enterprises.findById(enterprise).orElseThrow();
        assertThat(stored.legalName()).isEqualTo("Enterprise careless-admin");
        assertThat(stored.website()).isEqualTo("https://www.example.com");
        assertThat(stored.trademarks()).containsExactly("OPAL");
    }

    @Test
    void anUnknownEnterpriseIsNotFoundForItsOwnUsers() {
        assertProblem(api.as(enterpriseUser("ghost-admin", "ent-000000000000000000000000"))
                .send("PATCH", path("ent-000000000000000000000000"), "{\"size\":\"SMALL\"}", "application/json"), 404, "not-found");
    }

    private static String toJson(Object value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
    }
}
