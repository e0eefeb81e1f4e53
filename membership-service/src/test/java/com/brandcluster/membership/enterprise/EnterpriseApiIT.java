package com.brandcluster.membership.enterprise;

import com.brandcluster.membership.MembershipIntegrationTest;
import com.brandcluster.testsupport.ApiClient;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

class EnterpriseApiIT extends MembershipIntegrationTest {

    @Autowired
    EnterpriseRepository enterprises;

    @Test
    void aPersonWithoutAnEnterpriseRegistersOneAndIsLinkedToItInKeycloak() {
        String code = newCreditCode();

        ApiClient.Response response = api.as(enterpriseUser("user-newco", null))
                .post("/api/membership/enterprises", enterpriseRequest("Newco Lighting Ltd.", code));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String enterpriseId = response.at("/enterprise/id");
        assertThat(response.at("/enterprise/creditCode")).isEqualTo(code);
        assertThat(response.at("/tokenRefreshRequired")).isEqualTo("true");
        keycloak.verify(putRequestedFor(urlEqualTo("/admin/realms/brand-cluster/users/user-newco"))
                .withRequestBody(equalToJson("{\"attributes\":{\"enterprise_id\":[\"" + enterpriseId + "\"]}}", true, true)));

        ApiClient.Response mine = api.as(enterpriseUser("user-newco", enterpriseId)).get("/api/membership/enterprises/me");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.at("/legalName")).isEqualTo("Newco Lighting Ltd.");
        assertThat(mine.at("/contacts/0/name")).isEqualTo("Li Ming");
    }

    @Test
    void aSecondEnterpriseWithTheSameCreditCodeIsAConflict() {
        String code = newCreditCode();
        api.as(enterpriseUser("user-a", null)).post("/api/membership/enterprises", enterpriseRequest("A Ltd.", code));

        ApiClient.Response second = api.as(enterpriseUser("user-b", null))
                .post("/api/membership/enterprises", enterpriseRequest("B Ltd.", code));

        assertProblem(second, 409, "credit-code-registered");
    }

    @Test
    void aUserWhoActsForAnEnterpriseCannotRegisterAnother() {
        ApiClient.Response response = api.as(enterpriseUser("user-c", "ent-existing"))
                .post("/api/membership/enterprises", enterpriseRequest("C Ltd.", newCreditCode()));

        assertProblem(response, 409, "already-linked");
    }

    @Test
    void aCreditCodeWithAWrongCheckCharacterIsRefusedAndNothingIsStored() {
        long before = enterprises.count();
        String code = newCreditCode();
        String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');

        ApiClient.Response response = api.as(enterpriseUser("user-d", null))
                .post("/api/membership/enterprises", enterpriseRequest("D Ltd.", wrong));

        assertProblem(response, 400, null);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("creditCode");
        assertThat(enterprises.count()).isEqualTo(before);
    }

    @Test
    void whenKeycloakIsDownTheRegistrationFailsClearlyAndTheSameRequestLaterFinishesIt() {
        keycloak.stubFor(put(urlPathMatching("/admin/realms/brand-cluster/users/[^/]+"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Map<String, Object> request = enterpriseRequest("Resilient Lighting Ltd.", newCreditCode());
        ApiClient client = api.as(enterpriseUser("user-e", null));

        ApiClient.Response down = client.post("/api/membership/enterprises", request);

        assertProblem(down, 503, "identity-service-unavailable");
        assertThat(down.at("/detail")).contains("could not be reached");
        assertThat(down.body()).doesNotContain("Connection reset", "Exception");

        keycloak.stubFor(put(urlPathMatching("/admin/realms/brand-cluster/users/[^/]+"))
                .willReturn(aResponse().withStatus(204)));
        ApiClient.Response retried = client.post("/api/membership/enterprises", request);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(enterprises.findAll().stream().filter(e -> e.registeredBy().equals("user-e")).count()).isEqualTo(1);
    }

    @Test
    void whenKeycloakRefusesTheWriteTheProblemSaysItWasRefusedNotUnreachable() {
        keycloak.stubFor(put(urlPathMatching("/admin/realms/brand-cluster/users/[^/]+")).atPriority(1)
                .willReturn(aResponse().withStatus(403)));
        try {
            ApiClient.Response refused = api.as(enterpriseUser("user-refused", null))
                    .post("/api/membership/enterprises", enterpriseRequest("Refused Ltd.", newCreditCode()));

            assertProblem(refused, 503, "identity-service-unavailable");
            assertThat(refused.at("/detail")).contains("refused").doesNotContain("could not be reached");
            keycloak.verify(1, putRequestedFor(urlPathMatching("/admin/realms/brand-cluster/users/user-refused")));
        }
        finally {
            new KeycloakStub(keycloak).up();
        }
    }

    @Test
    void onlyEnterpriseUsersRegisterEnterprisesAndAnonymousIsUnauthorised() {
        Map<String, Object> request = enterpriseRequest("X Ltd.", newCreditCode());

        assertProblem(api.as(secretariatOf("lighting")).post("/api/membership/enterprises", request), 403, "forbidden");
        assertProblem(api.as(expert()).post("/api/membership/enterprises", request), 403, "forbidden");
        assertProblem(api.anonymous().post("/api/membership/enterprises", request), 401, null);
    }

    @Test
    void theFullProfileIsForTheEnterprisesOwnUsers() {
        String enterpriseId = registerEnterprise("user-f");
        String other = registerEnterprise("user-g");

        assertThat(api.as(enterpriseUser("user-f", enterpriseId)).get("/api/membership/enterprises/" + enterpriseId).status())
                .isEqualTo(200);
        assertThat(api.as(allianceAdmin()).get("/api/membership/enterprises/" + enterpriseId).status()).isEqualTo(200);
        assertProblem(api.as(enterpriseUser("user-g", other)).get("/api/membership/enterprises/" + enterpriseId), 403, "forbidden");
        assertProblem(api.as(secretariatOf("lighting")).get("/api/membership/enterprises/" + enterpriseId), 403, "forbidden");
        assertProblem(api.anonymous().get("/api/membership/enterprises/" + enterpriseId), 401, null);
    }

    @Test
    void aUserWithoutAnEnterpriseHasNoOwnProfile() {
        assertProblem(api.as(enterpriseUser("user-h", null)).get("/api/membership/enterprises/me"), 403, "forbidden");
        assertProblem(api.anonymous().get("/api/membership/enterprises/me"), 401, null);
    }

    @Test
    void massAssignmentOfUnknownFieldsIsRefused() {
        Map<String, Object> request = new HashMap<>(enterpriseRequest("M Ltd.", newCreditCode()));
        request.put("users", "[{\"userId\":\"me\",\"role\":\"ADMIN\"}]");

        ApiClient.Response response = api.as(enterpriseUser("user-i", null)).post("/api/membership/enterprises", request);

        assertProblem(response, 400, null);
        assertThat(response.body()).contains("users");
    }
}
