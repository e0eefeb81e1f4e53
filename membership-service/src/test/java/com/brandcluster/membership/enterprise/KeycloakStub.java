package com.brandcluster.membership.enterprise;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Keycloak's admin API as the membership-service integration tests need it, on the shared WireMock server of
 * {@code MembershipIntegrationTest} (reset before each test, so call {@link #realm()} in {@code @BeforeEach}). Users
 * are stubbed one by one; searches find nobody unless a user is stubbed.
 */
public final class KeycloakStub {

    public static final String ADMIN = "/admin/realms/brand-cluster";
    public static final String USERS = ADMIN + "/users";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FALLBACK = 10;

    private final WireMockServer keycloak;

    public KeycloakStub(WireMockServer keycloak) {
        this.keycloak = keycloak;
    }

    /** Searches that find nobody, the realm roles, and role mappings that are accepted. */
    public KeycloakStub realm() {
        keycloak.stubFor(get(urlPathEqualTo(USERS)).atPriority(FALLBACK).willReturn(okJson("[]")));
        keycloak.stubFor(get(urlPathMatching(USERS + "/[^/]+/role-mappings/realm")).atPriority(FALLBACK)
                .willReturn(okJson("[]")));
        keycloak.stubFor(post(urlPathMatching(USERS + "/[^/]+/role-mappings/realm")).atPriority(FALLBACK)
                .willReturn(aResponse().withStatus(204)));
        keycloak.stubFor(delete(urlPathMatching(USERS + "/[^/]+/role-mappings/realm")).atPriority(FALLBACK)
                .willReturn(aResponse().withStatus(204)));
        for (String role : List.of("alliance-admin", "secretariat", "enterprise", "expert")) {
            keycloak.stubFor(get(urlEqualTo(ADMIN + "/roles/" + role))
                    .willReturn(okJson(json(Map.of("id", "role-" + role, "name", role)))));
        }
        return this;
    }

    /** A user who is found by id, by username and by e-mail, with these attributes and realm roles. */
    public KeycloakStub user(String id, String username, String email, Map<String, List<String>> attributes,
                             String... realmRoles) {
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("id", id);
        representation.put("username", username);
        representation.put("email", email);
        representation.put("firstName", "First " + id);
        representation.put("lastName", "Last");
        representation.put("enabled", true);
        representation.put("attributes", attributes);
        String body = json(representation);
        keycloak.stubFor(get(urlEqualTo(USERS + "/" + id)).willReturn(okJson(body)));
        keycloak.stubFor(put(urlEqualTo(USERS + "/" + id)).willReturn(aResponse().withStatus(204)));
        keycloak.stubFor(get(urlPathEqualTo(USERS)).withQueryParam("username", equalTo(username))
                .willReturn(okJson("[" + body + "]")));
        if (email != null) {
            keycloak.stubFor(get(urlPathEqualTo(USERS)).withQueryParam("email", equalTo(email))
                    .willReturn(okJson("[" + body + "]")));
        }
        keycloak.stubFor(get(urlEqualTo(USERS + "/" + id + "/role-mappings/realm")).willReturn(okJson(json(
                java.util.Arrays.stream(realmRoles).map(r -> Map.of("id", "role-" + r, "name", r)).toList()))));
        return this;
    }

    /** Creating a user with this e-mail gives this id (then found by id). */
    public KeycloakStub creates(String email, String id) {
        keycloak.stubFor(post(urlEqualTo(USERS)).willReturn(aResponse().withStatus(201)
                .withHeader("Location", keycloak.baseUrl() + USERS + "/" + id)));
        keycloak.stubFor(get(urlEqualTo(USERS + "/" + id)).willReturn(okJson(json(Map.of("id", id, "username", email,
                "email", email, "enabled", true, "attributes", Map.of())))));
        keycloak.stubFor(put(urlEqualTo(USERS + "/" + id)).willReturn(aResponse().withStatus(204)));
        return this;
    }

    /** Every admin request fails as if Keycloak were down (the token endpoint too). */
    public KeycloakStub down() {
        keycloak.stubFor(any(urlPathMatching("/admin/.*")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        keycloak.stubFor(any(urlPathMatching("/realms/.*")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        return this;
    }

    /** Writes of this user fail as if Keycloak went down in the middle of the request. */
    public KeycloakStub writesFail(String id) {
        keycloak.stubFor(put(urlEqualTo(USERS + "/" + id)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        return this;
    }

    /** Keycloak is back: the failures stubbed by {@link #down()} and {@link #writesFail} are gone. */
    public KeycloakStub up() {
        keycloak.getStubMappings().stream().filter(m -> m.getPriority() != null && m.getPriority() == 1).toList()
                .forEach(keycloak::removeStub);
        return this;
    }

    public static Map<String, List<String>> attributes(String name, String... values) {
        return Map.of(name, List.of(values));
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
