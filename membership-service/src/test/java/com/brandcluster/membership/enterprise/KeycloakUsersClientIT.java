package com.brandcluster.membership.enterprise;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Keycloak admin adapter against a stubbed Keycloak, call by call: success, unknown user (404), timeouts, outages
 * (connection refused or reset, 5xx) reported after the retries, conflicts on create.
 */
class KeycloakUsersClientIT {

    private static final String TOKEN_PATH = "/realms/brand-cluster/protocol/openid-connect/token";
    private static final String USERS_PATH = "/admin/realms/brand-cluster/users";
    private static final String USER_PATH = USERS_PATH + "/user-1";
    private static final String ROLE_MAPPINGS_PATH = USER_PATH + "/role-mappings/realm";
    private static final String ROLES_PATH = "/admin/realms/brand-cluster/roles";

    private static final WireMockServer keycloak = new WireMockServer(wireMockConfig().dynamicPort());

    private KeycloakUsers users;

    @BeforeAll
    static void startKeycloakStub() {
        keycloak.start();
    }

    @AfterAll
    static void stopKeycloakStub() {
        keycloak.stop();
    }

    @BeforeEach
    void setUp() {
        keycloak.resetAll();
        keycloak.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(okJson("{\"access_token\":\"service-token\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));
        users = new KeycloakUsers(new KeycloakAdminProperties(URI.create(keycloak.baseUrl()), "brand-cluster",
                "membership-service", "secret", Duration.ofMillis(500), Duration.ofMillis(500), 3,
                Duration.ofMillis(1)), RestClient.builder(), Clock.systemUTC());
    }

    @Test
    void linksTheEnterpriseKeepingTheUsersOtherAttributes() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(okJson("""
                {"id":"user-1","username":"enterprise-newco","email":"newco@example.test",
                 "attributes":{"locale":["zh-CN"]}}""")));
        keycloak.stubFor(put(urlEqualTo(USER_PATH)).willReturn(aResponse().withStatus(204)));

        users.linkEnterprise("user-1", "ent-42");

        keycloak.verify(putRequestedFor(urlEqualTo(USER_PATH))
                .withHeader("Authorization", equalTo("Bearer service-token"))
                .withRequestBody(equalToJson("""
                        {"id":"user-1","username":"enterprise-newco","email":"newco@example.test",
                         "attributes":{"locale":["zh-CN"],"enterprise_id":["ent-42"]}}""")));
        keycloak.verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=client_credentials")));
    }

    @Test
    void unlinkingRemovesOnlyTheEnterpriseAttribute() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(okJson("""
                {"id":"user-1","attributes":{"locale":["en"],"enterprise_id":["ent-42"]}}""")));
        keycloak.stubFor(put(urlEqualTo(USER_PATH)).willReturn(aResponse().withStatus(204)));

        users.unlinkEnterprise("user-1", "ent-42");

        keycloak.verify(putRequestedFor(urlEqualTo(USER_PATH))
                .withRequestBody(equalToJson("{\"id\":\"user-1\",\"attributes\":{\"locale\":[\"en\"]}}")));
    }

    @Test
    void reusesTheServiceAccountTokenUntilItNearlyExpires() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(okJson("{\"id\":\"user-1\"}")));
        keycloak.stubFor(put(urlEqualTo(USER_PATH)).willReturn(aResponse().withStatus(204)));

        users.linkEnterprise("user-1", "ent-1");
        users.linkEnterprise("user-1", "ent-2");

        keycloak.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        keycloak.verify(2, putRequestedFor(urlEqualTo(USER_PATH)));
    }

    /**
     * Over HTTP/1.1 the JDK client itself sends an idempotent request once more when the connection breaks before an
     * answer, so a reset connection may count up to twice per attempt; a 503 counts once.
     */
    @Test
    void makesExactlyTheConfiguredAttempts() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(aResponse().withStatus(503)));

        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> users.linkEnterprise("user-1", "ent-1"));
        keycloak.verify(3, getRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void retriesATransientFailureAndThenSucceeds() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"id\":\"user-1\"}")));
        keycloak.stubFor(put(urlEqualTo(USER_PATH)).willReturn(aResponse().withStatus(204)));

        users.linkEnterprise("user-1", "ent-1");

        keycloak.verify(2, getRequestedFor(urlEqualTo(USER_PATH)));
        keycloak.verify(1, putRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void reportsAnOutageAfterTheConfiguredAttempts() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> users.linkEnterprise("user-1", "ent-1"));
        keycloak.verify(moreThanOrExactly(3), getRequestedFor(urlEqualTo(USER_PATH)));
        keycloak.verify(0, putRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void treatsASlowKeycloakAsUnavailable() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(okJson("{\"id\":\"user-1\"}").withFixedDelay(2_000)));

        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> users.linkEnterprise("user-1", "ent-1"));
        keycloak.verify(0, putRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void anUnknownUserIsNotAnOutage() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(aResponse().withStatus(404)));

        assertThatExceptionOfType(KeycloakUserNotFoundException.class)
                .isThrownBy(() -> users.linkEnterprise("user-1", "ent-1"));
        keycloak.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void aRefusedAdminRequestIsNotRetried() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(aResponse().withStatus(403)));

        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> users.linkEnterprise("user-1", "ent-1"));
        keycloak.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void anExpiredServiceTokenIsRenewedOnce() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).inScenario("expired").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).inScenario("expired").whenScenarioStateIs("renewed")
                .willReturn(okJson("{\"id\":\"user-1\",\"attributes\":{\"enterprise_id\":[\"ent-9\"]}}")));

        assertThat(users.attribute("user-1", KeycloakUsers.ENTERPRISE_ID)).containsExactly("ent-9");
        keycloak.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    // --- enterprise_id, conditionally ---------------------------------------------------------------------------

    @Test
    void refusesToLinkAUserWhoActsForAnotherEnterprise() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(okJson("""
                {"id":"user-1","attributes":{"enterprise_id":["ent-other"]}}""")));

        assertThatExceptionOfType(UserActsForAnotherEnterpriseException.class)
                .isThrownBy(() -> users.linkEnterprise("user-1", "ent-42"));
        keycloak.verify(0, putRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void linkingAgainToTheSameEnterpriseWritesNothing() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(okJson("""
                {"id":"user-1","email":"a@example.test","attributes":{"enterprise_id":["ent-42"],"locale":["zh-CN"]}}""")));

        KeycloakUser user = users.linkEnterprise("user-1", "ent-42");

        assertThat(user.enterpriseId()).contains("ent-42");
        assertThat(user.locale()).isEqualTo("zh-CN");
        keycloak.verify(0, putRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void unlinkingLeavesALinkToAnotherEnterpriseAlone() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(okJson("""
                {"id":"user-1","attributes":{"enterprise_id":["ent-other"]}}""")));

        assertThat(users.unlinkEnterprise("user-1", "ent-42")).isPresent();

        keycloak.verify(0, putRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void unlinkingAUserWhoIsGoneIsDone() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(aResponse().withStatus(404)));

        assertThat(users.unlinkEnterprise("user-1", "ent-42")).isEmpty();
        keycloak.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
    }

    // --- reading users ----------------------------------------------------------------------------------------

    @Test
    void readsAUserWithNameLocaleAndAttributes() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(okJson("""
                {"id":"user-1","username":"li.ming","email":"li@example.test","firstName":"Ming","lastName":"Li",
                 "attributes":{"locale":["zh-CN"],"secretariat_of":["lighting","tea"]},"createdTimestamp":1}""")));

        KeycloakUser user = users.user("user-1");

        assertThat(user.username()).isEqualTo("li.ming");
        assertThat(user.displayName()).isEqualTo("Ming Li");
        assertThat(user.locale()).isEqualTo("zh-CN");
        assertThat(user.secretariatOf()).containsExactly("lighting", "tea");
        assertThat(user.enterpriseId()).isEmpty();
    }

    @Test
    void findsAUserByExactEmail() {
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).withQueryParam("email", equalTo("li+work@example.test"))
                .withQueryParam("exact", equalTo("true"))
                .willReturn(okJson("""
                        [{"id":"user-1","username":"li","email":"li+work@example.test","attributes":{}}]""")));

        assertThat(users.findByEmail("li+work@example.test")).map(KeycloakUser::id).contains("user-1");
    }

    @Test
    void ignoresSearchResultsThatDoNotMatchExactly() {
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).withQueryParam("email", equalTo("li@example.test"))
                .willReturn(okJson("[{\"id\":\"user-9\",\"email\":\"li@example.test.cn\"}]")));

        assertThat(users.findByEmail("li@example.test")).isEmpty();
    }

    @Test
    void findsAUserByUsernameOrNobody() {
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).withQueryParam("username", equalTo("secretariat-lighting"))
                .willReturn(okJson("[{\"id\":\"user-1\",\"username\":\"secretariat-lighting\"}]")));
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).withQueryParam("username", equalTo("nobody"))
                .willReturn(okJson("[]")));

        assertThat(users.findByUsername("secretariat-lighting")).map(KeycloakUser::id).contains("user-1");
        assertThat(users.findByUsername("nobody")).isEmpty();
    }

    @Test
    void aSearchAgainstAMissingRealmIsAnOutageNotAnEmptyAnswer() {
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).willReturn(aResponse().withStatus(404)));

        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> users.findByEmail("li@example.test"));
        keycloak.verify(1, getRequestedFor(urlPathEqualTo(USERS_PATH)));
    }

    @Test
    void searchingADownKeycloakIsRetriedThenReported() {
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> users.findByUsername("li"));
        keycloak.verify(moreThanOrExactly(3), getRequestedFor(urlPathEqualTo(USERS_PATH)));
    }

    @Test
    void aSlowSearchIsAnOutage() {
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).willReturn(okJson("[]").withFixedDelay(2_000)));

        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> users.findByEmail("li@example.test"));
    }

    @Test
    void aStoppedKeycloakIsReportedUnavailableAfterRetries() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        KeycloakUsers unreachable = new KeycloakUsers(new KeycloakAdminProperties(
                URI.create("http://127.0.0.1:" + closedPort), "brand-cluster", "membership-service", "secret",
                Duration.ofMillis(500), Duration.ofMillis(500), 3, Duration.ofMillis(1)), RestClient.builder(),
                Clock.systemUTC());

        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> unreachable.findByEmail("li@example.test"));
        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> unreachable.addSecretariatOf("user-1", "lighting"));
    }

    // --- creating users ---------------------------------------------------------------------------------------

    @Test
    void createsAnInvitedUserWhoMustVerifyTheEmailAndChooseAPassword() {
        keycloak.stubFor(post(urlEqualTo(USERS_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Location", keycloak.baseUrl() + USERS_PATH + "/new-user")));
        keycloak.stubFor(get(urlEqualTo(USERS_PATH + "/new-user")).willReturn(okJson("""
                {"id":"new-user","username":"wang@example.test","email":"wang@example.test","attributes":{}}""")));

        KeycloakUser created = users.createUser(" Wang@Example.test ");

        assertThat(created.id()).isEqualTo("new-user");
        keycloak.verify(postRequestedFor(urlEqualTo(USERS_PATH)).withRequestBody(equalToJson("""
                {"username":"wang@example.test","email":"wang@example.test","enabled":true,"emailVerified":false,
                 "requiredActions":["VERIFY_EMAIL","UPDATE_PASSWORD"]}""")));
    }

    @Test
    void creatingAUserWhoExistsFindsThem() {
        keycloak.stubFor(post(urlEqualTo(USERS_PATH)).willReturn(aResponse().withStatus(409)
                .withBody("{\"errorMessage\":\"User exists with same username\"}")));
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).withQueryParam("username", equalTo("wang@example.test"))
                .willReturn(okJson("[{\"id\":\"old-user\",\"username\":\"wang@example.test\"}]")));

        assertThat(users.createUser("wang@example.test").id()).isEqualTo("old-user");
        keycloak.verify(1, postRequestedFor(urlEqualTo(USERS_PATH)));
    }

    @Test
    void creatingAUserWhileKeycloakIsDownIsRetriedThenReported() {
        keycloak.stubFor(post(urlEqualTo(USERS_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> users.createUser("wang@example.test"));
        keycloak.verify(3, postRequestedFor(urlEqualTo(USERS_PATH)));
    }

    @Test
    void aSlowUserCreationIsAnOutage() {
        keycloak.stubFor(post(urlEqualTo(USERS_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Location", keycloak.baseUrl() + USERS_PATH + "/new-user").withFixedDelay(2_000)));

        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> users.createUser("wang@example.test"));
    }

    @Test
    void aUserCreatedButLostOnTheWayIsFoundOnTheRetry() {
        keycloak.stubFor(post(urlEqualTo(USERS_PATH)).inScenario("lost").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("created"));
        keycloak.stubFor(post(urlEqualTo(USERS_PATH)).inScenario("lost").whenScenarioStateIs("created")
                .willReturn(aResponse().withStatus(409)));
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).withQueryParam("username", equalTo("wang@example.test"))
                .willReturn(okJson("[{\"id\":\"new-user\",\"username\":\"wang@example.test\"}]")));

        assertThat(users.createUser("wang@example.test").id()).isEqualTo("new-user");
        keycloak.verify(2, postRequestedFor(urlEqualTo(USERS_PATH)));
    }

    // --- secretariat_of ---------------------------------------------------------------------------------------

    @Test
    void addsAClusterToSecretariatOfKeepingTheOthers() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(okJson("""
                {"id":"user-1","attributes":{"secretariat_of":["tea"],"locale":["en"]}}""")));
        keycloak.stubFor(put(urlEqualTo(USER_PATH)).willReturn(aResponse().withStatus(204)));

        KeycloakUser user = users.addSecretariatOf("user-1", "lighting");

        assertThat(user.secretariatOf()).containsExactly("tea", "lighting");
        keycloak.verify(putRequestedFor(urlEqualTo(USER_PATH)).withRequestBody(equalToJson("""
                {"id":"user-1","attributes":{"secretariat_of":["tea","lighting"],"locale":["en"]}}""")));
    }

    @Test
    void addingAClusterTheUserServesAlreadyWritesNothing() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(okJson("""
                {"id":"user-1","attributes":{"secretariat_of":["lighting"]}}""")));

        users.addSecretariatOf("user-1", "lighting");

        keycloak.verify(0, putRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void removesOneClusterFromSecretariatOfAndTheAttributeWithTheLast() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).inScenario("two").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"id\":\"user-1\",\"attributes\":{\"secretariat_of\":[\"tea\",\"lighting\"]}}"))
                .willSetStateTo("one"));
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).inScenario("two").whenScenarioStateIs("one")
                .willReturn(okJson("{\"id\":\"user-1\",\"attributes\":{\"secretariat_of\":[\"tea\"]}}")));
        keycloak.stubFor(put(urlEqualTo(USER_PATH)).willReturn(aResponse().withStatus(204)));

        assertThat(users.removeSecretariatOf("user-1", "lighting").secretariatOf()).containsExactly("tea");
        assertThat(users.removeSecretariatOf("user-1", "tea").secretariatOf()).isEmpty();

        keycloak.verify(putRequestedFor(urlEqualTo(USER_PATH)).withRequestBody(equalToJson("""
                {"id":"user-1","attributes":{"secretariat_of":["tea"]}}""")));
        keycloak.verify(putRequestedFor(urlEqualTo(USER_PATH)).withRequestBody(equalToJson("""
                {"id":"user-1","attributes":{}}""")));
    }

    @Test
    void secretariatOfAnUnknownUserIsNotAnOutage() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(aResponse().withStatus(404)));

        assertThatExceptionOfType(KeycloakUserNotFoundException.class)
                .isThrownBy(() -> users.addSecretariatOf("user-1", "lighting"));
        assertThatExceptionOfType(KeycloakUserNotFoundException.class)
                .isThrownBy(() -> users.removeSecretariatOf("user-1", "lighting"));
    }

    @Test
    void writingSecretariatOfWhileKeycloakFailsIsRetriedFromTheReadOn() {
        keycloak.stubFor(get(urlEqualTo(USER_PATH)).willReturn(okJson("{\"id\":\"user-1\"}")));
        keycloak.stubFor(put(urlEqualTo(USER_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> users.addSecretariatOf("user-1", "lighting"));
        keycloak.verify(3, getRequestedFor(urlEqualTo(USER_PATH)));
        keycloak.verify(3, putRequestedFor(urlEqualTo(USER_PATH)));
    }

    // --- realm roles ------------------------------------------------------------------------------------------

    @Test
    void readsTheUsersRealmRoles() {
        keycloak.stubFor(get(urlEqualTo(ROLE_MAPPINGS_PATH)).willReturn(okJson("""
                [{"id":"r1","name":"default-roles-brand-cluster"},{"id":"r2","name":"secretariat"}]""")));

        assertThat(users.realmRoles("user-1")).containsExactly("default-roles-brand-cluster", "secretariat");
    }

    @Test
    void realmRolesOfAnUnknownUserAreNotAnOutage() {
        keycloak.stubFor(get(urlEqualTo(ROLE_MAPPINGS_PATH)).willReturn(aResponse().withStatus(404)));

        assertThatExceptionOfType(KeycloakUserNotFoundException.class).isThrownBy(() -> users.realmRoles("user-1"));
    }

    @Test
    void readingRealmRolesOfADownKeycloakIsRetriedThenReported() {
        keycloak.stubFor(get(urlEqualTo(ROLE_MAPPINGS_PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        assertThatExceptionOfType(IdentityServiceUnavailableException.class).isThrownBy(() -> users.realmRoles("user-1"));
        keycloak.verify(moreThanOrExactly(3), getRequestedFor(urlEqualTo(ROLE_MAPPINGS_PATH)));
    }

    @Test
    void mapsARealmRoleWithItsRepresentation() {
        keycloak.stubFor(get(urlEqualTo(ROLES_PATH + "/secretariat")).willReturn(okJson("""
                {"id":"role-42","name":"secretariat","description":"Staff","composite":false}""")));
        keycloak.stubFor(post(urlEqualTo(ROLE_MAPPINGS_PATH)).willReturn(aResponse().withStatus(204)));

        users.addRealmRole("user-1", "secretariat");

        keycloak.verify(postRequestedFor(urlEqualTo(ROLE_MAPPINGS_PATH))
                .withHeader("Authorization", equalTo("Bearer service-token"))
                .withRequestBody(equalToJson("[{\"id\":\"role-42\",\"name\":\"secretariat\"}]")));
    }

    @Test
    void removesARealmRoleWithItsRepresentation() {
        keycloak.stubFor(get(urlEqualTo(ROLES_PATH + "/secretariat")).willReturn(okJson("""
                {"id":"role-42","name":"secretariat"}""")));
        keycloak.stubFor(delete(urlEqualTo(ROLE_MAPPINGS_PATH)).willReturn(aResponse().withStatus(204)));

        users.removeRealmRole("user-1", "secretariat");

        keycloak.verify(deleteRequestedFor(urlEqualTo(ROLE_MAPPINGS_PATH))
                .withRequestBody(equalToJson("[{\"id\":\"role-42\",\"name\":\"secretariat\"}]")));
    }

    @Test
    void mappingARoleToAnUnknownUserIsNotAnOutage() {
        keycloak.stubFor(get(urlEqualTo(ROLES_PATH + "/secretariat")).willReturn(okJson("""
                {"id":"role-42","name":"secretariat"}""")));
        keycloak.stubFor(post(urlEqualTo(ROLE_MAPPINGS_PATH)).willReturn(aResponse().withStatus(404)));

        assertThatExceptionOfType(KeycloakUserNotFoundException.class)
                .isThrownBy(() -> users.addRealmRole("user-1", "secretariat"));
    }

    @Test
    void aMissingRealmRoleIsAConfigurationErrorNotRetried() {
        keycloak.stubFor(get(urlEqualTo(ROLES_PATH + "/secretariat")).willReturn(aResponse().withStatus(404)));

        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> users.addRealmRole("user-1", "secretariat"));
        keycloak.verify(1, getRequestedFor(urlEqualTo(ROLES_PATH + "/secretariat")));
        keycloak.verify(0, postRequestedFor(urlEqualTo(ROLE_MAPPINGS_PATH)));
    }

    @Test
    void aServiceAccountWithoutViewRealmIsReportedAsRefused() {
        keycloak.stubFor(get(urlEqualTo(ROLES_PATH + "/secretariat")).willReturn(aResponse().withStatus(403)));

        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> users.removeRealmRole("user-1", "secretariat"));
        keycloak.verify(1, getRequestedFor(urlEqualTo(ROLES_PATH + "/secretariat")));
    }

    @Test
    void mappingARoleWhileKeycloakIsSlowIsRetriedThenReported() {
        keycloak.stubFor(get(urlEqualTo(ROLES_PATH + "/secretariat")).willReturn(okJson("""
                {"id":"role-42","name":"secretariat"}""")));
        keycloak.stubFor(post(urlEqualTo(ROLE_MAPPINGS_PATH)).willReturn(aResponse().withStatus(204).withFixedDelay(2_000)));

        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> users.addRealmRole("user-1", "secretariat"));
        keycloak.verify(3, postRequestedFor(urlEqualTo(ROLE_MAPPINGS_PATH)));
    }

    @Test
    void mappingARoleWhileKeycloakIsDownIsRetriedThenReported() {
        keycloak.stubFor(get(urlEqualTo(ROLES_PATH + "/enterprise")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatExceptionOfType(IdentityServiceUnavailableException.class)
                .isThrownBy(() -> users.addRealmRole("user-1", "enterprise"));
        keycloak.verify(moreThanOrExactly(3), getRequestedFor(urlEqualTo(ROLES_PATH + "/enterprise")));
    }
}
