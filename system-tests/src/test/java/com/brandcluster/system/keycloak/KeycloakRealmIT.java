package com.brandcluster.system.keycloak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.brandcluster.testsupport.KeycloakAdmin;
import com.brandcluster.testsupport.KeycloakExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.brandcluster.testsupport.KeycloakExtension.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm {@code infra/keycloak/brand-cluster-realm.json} on the real Keycloak: demo users, token claims, the
 * membership-service service account's powers (users only) and that users cannot grant themselves tenancy claims.
 * Tests that change users create their own, so the demo users stay as imported for the other system tests.
 */
@ExtendWith(KeycloakExtension.class)
class KeycloakRealmIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @ParameterizedTest
    @CsvSource({
            "alliance-admin,       alliance-admin",
            "secretariat-lighting, secretariat",
            "secretariat-coal,     secretariat",
            "enterprise-opal,      enterprise",
            "enterprise-foshan,    enterprise",
            "enterprise-newco,     enterprise",
            "expert-li,            expert",
            "expert-wang,          expert"})
    void demoUserGetsATokenWithTheirRealmRoleForTheApiAudience(String username, String role) {
        JsonNode claims = KeycloakExtension.claims(KeycloakExtension.passwordToken(username, DEMO_PASSWORD));

        assertThat(claims.path("iss").asString()).isEqualTo(KeycloakExtension.issuerUri());
        assertThat(claims.path("preferred_username").asString()).isEqualTo(username);
        assertThat(claims.path("azp").asString()).isEqualTo("portal-cli");
        assertThat(strings(claims.path("aud"))).contains("brand-cluster-api");
        assertThat(strings(claims.path("realm_access").path("roles"))).contains(role)
                .doesNotContain(otherPortalRoles(role));
        assertThat(claims.path("email").asString()).isNotBlank();
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(900);
    }

    /**
     * With brute-force detection on, Keycloak refuses a login that overlaps another of the same user (as "Invalid user
     * credentials"); the tests' token cache makes one user's grants one at a time, so threads whose shared token
     * expires together all get a new one.
     */
    @Test
    void threadsAskingForOneUsersNewTokenAtOnceAllGetIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                tokens.add(pool.submit(() -> KeycloakExtension.freshPasswordToken("expert-wang", DEMO_PASSWORD)));
            }
            for (Future<String> token : tokens) {
                assertThat(KeycloakExtension.claims(token.get(2, TimeUnit.MINUTES)).path("preferred_username")
                        .asString()).isEqualTo("expert-wang");
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void secretariatTokensListTheirClustersAsAJsonArray() {
        JsonNode lighting = KeycloakExtension.claims(
                KeycloakExtension.passwordToken("secretariat-lighting", DEMO_PASSWORD));
        JsonNode coal = KeycloakExtension.claims(KeycloakExtension.passwordToken("secretariat-coal", DEMO_PASSWORD));

        assertThat(lighting.path("secretariat_of").isArray()).isTrue();
        assertThat(strings(lighting.path("secretariat_of"))).containsExactly("lighting");
        assertThat(strings(coal.path("secretariat_of"))).containsExactly("coking-coal");
        assertThat(lighting.has("enterprise_id")).isFalse();
    }

    @Test
    void enterpriseWithoutAnEnterpriseYetHasNoEnterpriseClaims() throws Exception {
        // enterprise-newco is imported without an enterprise (other system tests register one for it later, in the
        // same Keycloak), so the claim is checked on a user in the same state: enterprise role, no attributes.
        JsonNode realm = JSON.readTree(java.nio.file.Files.readString(
                java.nio.file.Path.of(System.getProperty("keycloak.realm.file"))));
        JsonNode newco = realm.path("users").valueStream()
                .filter(u -> "enterprise-newco".equals(u.path("username").asString())).findFirst().orElseThrow();
        assertThat(newco.path("attributes").has("enterprise_id")).isFalse();
        assertThat(strings(newco.path("realmRoles"))).contains("enterprise");

        JsonNode claims = KeycloakExtension.claims(KeycloakExtension.passwordToken(createUser("enterprise"), DEMO_PASSWORD));

        assertThat(claims.has("enterprise_id")).isFalse();
        assertThat(claims.has("secretariat_of")).isFalse();
    }

    @Test
    void portalGatewayTokensCarryTheApiAudienceAndTenancyClaimsToo() {
        KeycloakAdmin admin = KeycloakExtension.admin();
        String clientId = admin.getJson("/clients?clientId=portal-gateway").get(0).path("id").asString();
        String userId = admin.userId("secretariat-lighting");

        JsonNode claims = admin.getJson("/clients/" + clientId
                + "/evaluate-scopes/generate-example-access-token?scope=openid&userId=" + userId);

        assertThat(claims.path("azp").asString()).isEqualTo("portal-gateway");
        assertThat(strings(claims.path("aud"))).contains("brand-cluster-api");
        assertThat(strings(claims.path("secretariat_of"))).containsExactly("lighting");
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("secretariat");
    }

    @Test
    void wrongPasswordIsRefused() {
        HttpResponse<String> response = KeycloakExtension.tokenEndpoint(Map.of("grant_type", "password",
                "client_id", "portal-cli", "username", "expert-li", "password", "not-the-password"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_grant").doesNotContain("access_token");
    }

    @Test
    void membershipServiceAccountSetsEnterpriseAndSecretariatAndTheNextTokenCarriesThem() {
        String username = createUser("enterprise");
        String before = KeycloakExtension.passwordToken(username, DEMO_PASSWORD);
        assertThat(KeycloakExtension.claims(before).has("enterprise_id")).isFalse();
        KeycloakAdmin serviceAccount = KeycloakExtension.admin(membershipServiceToken());

        HttpResponse<String> write = serviceAccount.mergeAttributes(username, Map.of(
                "enterprise_id", List.of("acme-lamps"),
                "secretariat_of", List.of("lighting", "coking-coal")));

        assertThat(write.statusCode()).as(write.body()).isEqualTo(204);
        assertThat(serviceAccount.attribute(username, "enterprise_id")).containsExactly("acme-lamps");
        JsonNode claims = KeycloakExtension.claims(KeycloakExtension.freshPasswordToken(username, DEMO_PASSWORD));
        assertThat(claims.path("enterprise_id").isString()).isTrue();
        assertThat(claims.path("enterprise_id").asString()).isEqualTo("acme-lamps");
        assertThat(strings(claims.path("secretariat_of"))).containsExactly("lighting", "coking-coal");
    }

    @Test
    void userCannotSetTheirOwnEnterpriseOrSecretariatThroughTheAccountApi() throws Exception {
        String username = createUser("enterprise");
        KeycloakExtension.admin(membershipServiceToken())
                .mergeAttributes(username, Map.of("enterprise_id", List.of("own-enterprise")));
        String token = KeycloakExtension.freshPasswordToken(username, DEMO_PASSWORD);
        String accountUrl = KeycloakExtension.issuerUri() + "/account";

        HttpResponse<String> current = HTTP.send(HttpRequest.newBuilder(URI.create(accountUrl))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        ObjectNode account = (ObjectNode) JSON.readTree(current.body());
        account.remove("userProfileMetadata");
        ObjectNode attributes = account.putObject("attributes");
        attributes.putArray("secretariat_of").add("lighting").add("coking-coal");
        attributes.putArray("enterprise_id").add("someone-elses-enterprise");
        account.put("firstName", "Changed");

        HttpResponse<String> update = HTTP.send(HttpRequest.newBuilder(URI.create(accountUrl))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(account), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());

        // Keycloak refuses the whole update: the attributes are read-only for the user
        assertThat(update.statusCode()).as(update.body()).isEqualTo(400);
        assertThat(update.body()).contains("error-user-attribute-read-only");
        KeycloakAdmin admin = KeycloakExtension.admin();
        assertThat(admin.attribute(username, "secretariat_of")).isEmpty();
        assertThat(admin.attribute(username, "enterprise_id")).containsExactly("own-enterprise");
        JsonNode claims = KeycloakExtension.claims(KeycloakExtension.freshPasswordToken(username, DEMO_PASSWORD));
        assertThat(claims.has("secretariat_of")).isFalse();
        assertThat(claims.path("enterprise_id").asString()).isEqualTo("own-enterprise");
        assertThat(admin.findUser(username)).hasValueSatisfying(
                user -> assertThat(user.path("firstName").asString()).isEqualTo("Realm"));
    }

    @Test
    void userProfileDeclaresTheTenancyAttributesEditableByAdminsOnly() {
        JsonNode profile = KeycloakExtension.admin().getJson("/users/profile");

        assertThat(profile.path("unmanagedAttributePolicy").asString("")).isNotEqualTo("ENABLED")
                .isNotEqualTo("ADMIN_EDIT");
        JsonNode enterprise = attributeNamed(profile, "enterprise_id");
        JsonNode secretariat = attributeNamed(profile, "secretariat_of");
        assertThat(strings(enterprise.path("permissions").path("edit"))).containsExactly("admin");
        assertThat(strings(secretariat.path("permissions").path("edit"))).containsExactly("admin");
        assertThat(enterprise.path("multivalued").asBoolean()).isFalse();
        assertThat(secretariat.path("multivalued").asBoolean()).isTrue();
    }

    @Test
    void membershipServiceAccountCannotDoAnythingBeyondManagingUsers() {
        KeycloakAdmin serviceAccount = KeycloakExtension.admin(membershipServiceToken());

        assertThat(serviceAccount.get("/users?max=1").statusCode()).isEqualTo(200);
        assertThat(serviceAccount.get("/clients").statusCode()).isEqualTo(403);
        assertThat(serviceAccount.post("/roles", Map.of("name", "self-made-" + UUID.randomUUID()))
                .statusCode()).isEqualTo(403);
        assertThat(serviceAccount.put("", Map.of("registrationAllowed", true)).statusCode()).isEqualTo(403);
        assertThat(serviceAccount.put("/users/profile", Map.of("attributes", List.of(),
                "unmanagedAttributePolicy", "ENABLED")).statusCode()).isEqualTo(403);

        JsonNode claims = KeycloakExtension.claims(membershipServiceToken());
        assertThat(strings(claims.path("resource_access").path("realm-management").path("roles")))
                .containsExactlyInAnyOrder("manage-users", "view-users", "view-realm", "query-users", "query-groups");
    }

    @Test
    void portalGatewayIsConfidentialAndRequiresPkce() throws Exception {
        HttpResponse<String> passwordGrant = KeycloakExtension.tokenEndpoint(Map.of("grant_type", "password",
                "client_id", "portal-gateway", "client_secret", KeycloakExtension.portalGatewaySecret(),
                "username", "expert-li", "password", DEMO_PASSWORD));
        assertThat(passwordGrant.statusCode()).isIn(400, 401);

        String redirectUri = "http://localhost:8080/login/oauth2/code/keycloak";
        String authorize = KeycloakExtension.issuerUri() + "/protocol/openid-connect/auth?client_id=portal-gateway"
                + "&response_type=code&scope=openid&state=s1&redirect_uri=" + redirectUri;
        HttpResponse<String> withoutPkce = HTTP.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith(redirectUri).contains("error=invalid_request").contains("code_challenge"));

        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        HttpResponse<String> withPkce = HTTP.send(HttpRequest.newBuilder(URI.create(authorize
                + "&code_challenge=" + challenge + "&code_challenge_method=S256")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withPkce.statusCode()).isEqualTo(200);
        assertThat(withPkce.body()).contains("kc-form-login");

        HttpResponse<String> foreignRedirect = HTTP.send(HttpRequest.newBuilder(URI.create(authorize
                .replace(redirectUri, "http://evil.example/callback") + "&code_challenge=" + challenge
                + "&code_challenge_method=S256")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreignRedirect.statusCode()).isEqualTo(400);
    }

    private static String membershipServiceToken() {
        return KeycloakExtension.clientCredentialsToken("membership-service",
                KeycloakExtension.membershipServiceSecret());
    }

    /** A new user with the realm role, an e-mail, names and the demo password, like the demo users. */
    private static String createUser(String realmRole) {
        String username = "realm-it-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin admin = KeycloakExtension.admin();
        HttpResponse<String> created = admin.post("/users", Map.of(
                "username", username,
                "enabled", true,
                "email", username + "@example.test",
                "emailVerified", true,
                "firstName", "Realm",
                "lastName", "Test",
                "credentials", List.of(Map.of("type", "password", "value", DEMO_PASSWORD, "temporary", false))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = admin.userId(username);
        JsonNode role = admin.getJson("/roles/" + realmRole);
        HttpResponse<String> mapped = admin.post("/users/" + id + "/role-mappings/realm",
                List.of(Map.of("id", role.path("id").asString(), "name", realmRole)));
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(204);
        return username;
    }

    private static JsonNode attributeNamed(JsonNode profile, String name) {
        for (JsonNode attribute : profile.path("attributes").values()) {
            if (name.equals(attribute.path("name").asString())) {
                return attribute;
            }
        }
        throw new AssertionError("The user profile does not declare " + name);
    }

    private static String[] otherPortalRoles(String role) {
        return List.of("alliance-admin", "secretariat", "enterprise", "expert").stream()
                .filter(other -> !other.equals(role))
                .toArray(String[]::new);
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.values().forEach(value -> values.add(value.asString()));
        }
        else if (node.isString()) {
            values.add(node.asString());
        }
        return values;
    }
}
