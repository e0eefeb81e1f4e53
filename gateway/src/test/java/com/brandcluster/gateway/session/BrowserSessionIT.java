package com.brandcluster.gateway.session;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.brandcluster.gateway.GatewayApplication;
import com.brandcluster.testsupport.KeycloakAdmin;
import com.brandcluster.testsupport.KeycloakExtension;
import com.brandcluster.testsupport.MongoExtension;
import com.brandcluster.testsupport.OffsetClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mongodb.client.model.Filters;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as the browser's backend-for-frontend, end to end: the real Keycloak ({@link KeycloakExtension}, the
 * project's realm), sessions in MongoDB ({@link MongoExtension}), membership-service played by WireMock, and a
 * scripted {@link Browser} that logs in through Keycloak's login form like a person would.
 */
@ExtendWith({ KeycloakExtension.class, MongoExtension.class })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserSessionIT {

    static final WireMockServer membership = startedWireMock();
    static final AtomicBoolean redirectsRegistered = new AtomicBoolean();
    static final String PASSWORD = KeycloakExtension.DEMO_PASSWORD;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String APPLICATIONS = "/api/membership/clusters/lighting/applications";
    static final String SLOW = "/api/membership/clusters/lighting/statistics/members";

    @LocalServerPort
    int port;

    @Autowired
    OffsetClock clock;

    @TestConfiguration
    static class Time {

        @Bean
        @Primary
        OffsetClock offsetClock() {
            return new OffsetClock();
        }
    }

    @DynamicPropertySource
    static void keycloakAndServices(DynamicPropertyRegistry registry) {
        keycloakProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("brandcluster.gateway.services.membership", membership::baseUrl);
    }

    static Map<String, Object> keycloakProperties() {
        // the browser sees Keycloak as localhost, the gateway reaches it as 127.0.0.1: the back channel is its own
        return Map.of(
                "brandcluster.security.issuer-uri", KeycloakExtension.issuerUri(),
                "brandcluster.gateway.browser.keycloak.url", KeycloakExtension.baseUrl().replace("localhost", "127.0.0.1"),
                "brandcluster.gateway.browser.client-secret", KeycloakExtension.portalGatewaySecret());
    }

    @BeforeEach
    void setUp() {
        membership.resetAll();
        membership.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        clock.reset();
        if (redirectsRegistered.compareAndSet(false, true)) {
            allowRedirectsTo("http://localhost:" + port + "/*");
        }
    }

    @AfterAll
    static void stopServices() {
        membership.stop();
    }

    @Test
    void logsInThroughKeycloakWithPkceAndLandsOnThePageItCameFrom() {
        Browser browser = new Browser();

        HttpResponse<String> start = browser.get(gateway("/login?return_to=/clusters/lighting?tab=members"));
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(Browser.location(start).getPath()).isEqualTo("/oauth2/authorization/keycloak");
        HttpResponse<String> toKeycloak = browser.follow(start);
        assertThat(toKeycloak.statusCode()).isEqualTo(302);
        assertThat(Browser.location(toKeycloak).toString())
                .startsWith(KeycloakExtension.issuerUri() + "/protocol/openid-connect/auth?")
                .contains("client_id=portal-gateway", "code_challenge=", "code_challenge_method=S256", "state=");
        String sessionBeforeLogin = browser.cookie(GatewaySecurityConfiguration.SESSION_COOKIE).orElseThrow();
        HttpResponse<String> back = submitLoginForm(browser, browser.follow(toKeycloak), "enterprise-opal");
        HttpResponse<String> landed = browser.follow(back);

        assertThat(landed.statusCode()).isEqualTo(302);
        assertThat(Browser.location(landed)).isEqualTo(URI.create(gateway("/clusters/lighting?tab=members")));
        String sessionCookie = browser.setCookieHeaders(GatewaySecurityConfiguration.SESSION_COOKIE).getLast();
        assertThat(sessionCookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax")
                .doesNotContainIgnoringCase("Secure");
        assertThat(browser.cookie(GatewaySecurityConfiguration.SESSION_COOKIE)).get()
                .as("a new session id after login").isNotEqualTo(sessionBeforeLogin);

        JsonNode me = json(browser.get(gateway("/api/session")), 200);
        assertThat(me.path("authenticated").asBoolean()).isTrue();
        assertThat(me.path("subject").asString()).isEqualTo(KeycloakExtension.admin().userId("enterprise-opal"));
        assertThat(me.path("username").asString()).isEqualTo("enterprise-opal");
        assertThat(me.path("name").asString()).isEqualTo("Opal Staff");
        assertThat(me.path("roles").values()).extracting(JsonNode::asString).containsExactly("enterprise");
        assertThat(me.has("enterprise_id")).isTrue();
        assertThat(me.path("secretariat_of").isArray()).isTrue();

        assertThat(browser.setCookieHeaders(GatewaySecurityConfiguration.CSRF_COOKIE)).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).doesNotContainIgnoringCase("HttpOnly"));
        assertThat(browser.responsesFrom(port)).isNotEmpty().allSatisfy(response -> {
            assertThat(response.body()).doesNotContain("eyJ");
            assertThat(response.headers().map().toString()).doesNotContain("eyJ");
        });
    }

    @Test
    void keepsTheLoginsAuthorizationRequestWhileAnOlderRequestOfTheSameBrowserIsStillRunning() throws Exception {
        Browser browser = new Browser();
        browser.follow(browser.get(gateway("/login")));
        String session = browser.cookie(GatewaySecurityConfiguration.SESSION_COOKIE).orElseThrow();
        membership.stubFor(get(urlPathEqualTo(SLOW)).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        CompletableFuture<HttpResponse<String>> backgroundRequest;
        try (HttpClient sameBrowser = HttpClient.newHttpClient()) {
            backgroundRequest = sameBrowser.sendAsync(HttpRequest.newBuilder(URI.create(gateway(SLOW)))
                    .header("Cookie", GatewaySecurityConfiguration.SESSION_COOKIE + "=" + session).build(),
                    HttpResponse.BodyHandlers.ofString());
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> !membership.findAll(getRequestedFor(urlPathEqualTo(SLOW))).isEmpty());
            HttpResponse<String> toKeycloak = browser.follow(browser.get(gateway("/login?return_to=/events")));
            assertThat(backgroundRequest.get(10, TimeUnit.SECONDS).statusCode())
                    .as("the background request read the session before the login started and ends after it")
                    .isEqualTo(200);

            HttpResponse<String> landed = browser.follow(
                    submitLoginForm(browser, browser.follow(toKeycloak), "enterprise-opal"));

            assertThat(Browser.location(landed)).isEqualTo(URI.create(gateway("/events")));
            assertThat(json(browser.get(gateway("/api/session")), 200).path("username").asString())
                    .isEqualTo("enterprise-opal");
        }
    }

    @Test
    void relaysTheSessionsAccessTokenAndKeepsTheGatewaysCookiesFromTheService() {
        Browser browser = loggedIn("enterprise-opal");

        browser.setCookie("ui-language", "zh-CN");
        json(browser.get(gateway("/api/session")), 200);
        membership.resetRequests();

        browser.get(gateway(APPLICATIONS), "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN").orElseThrow());

        LoggedRequest relayed = onlyRequestToMembership();
        String bearer = relayed.getHeader("Authorization");
        assertThat(bearer).startsWith("Bearer ");
        JsonNode claims = KeycloakExtension.claims(bearer.substring("Bearer ".length()));
        assertThat(claims.path("iss").asString()).isEqualTo(KeycloakExtension.issuerUri());
        assertThat(claims.path("azp").asString()).isEqualTo("portal-gateway");
        assertThat(claims.path("preferred_username").asString()).isEqualTo("enterprise-opal");
        assertThat(claims.path("aud").toString()).contains("brand-cluster-api");
        assertThat(relayed.getHeader("Cookie")).isEqualTo("ui-language=zh-CN");
        assertThat(relayed.containsHeader("X-XSRF-TOKEN")).isFalse();
    }

    @Test
    void keepsTheSessionInMongoDbSoThatASecondGatewayInstanceServesTheSameCookie() {
        Browser browser = loggedIn("enterprise-opal");
        String session = browser.cookie(GatewaySecurityConfiguration.SESSION_COOKIE).orElseThrow();
        assertThat(MongoExtension.database().getCollection("sessions").countDocuments(Filters.eq("_id", session)))
                .isOne();

        try (ConfigurableApplicationContext second = secondGateway()) {
            int secondPort = Integer.parseInt(second.getEnvironment().getRequiredProperty("local.server.port"));
            assertThat(secondPort).isNotEqualTo(port);

            JsonNode me = json(browser.get("http://localhost:" + secondPort + "/api/session"), 200);
            assertThat(me.path("username").asString()).isEqualTo("enterprise-opal");
            browser.get("http://localhost:" + secondPort + APPLICATIONS);
        }

        assertThat(onlyRequestToMembership().getHeader("Authorization")).startsWith("Bearer ");
    }

    @Test
    void refusesAnUnsafeSessionRequestWithoutTheCsrfTokenAndAcceptsItWithTheToken() {
        Browser browser = loggedIn("enterprise-opal");
        json(browser.get(gateway("/api/session")), 200);
        String csrf = browser.cookie(GatewaySecurityConfiguration.CSRF_COOKIE).orElseThrow();

        JsonNode missing = json(browser.post(gateway(APPLICATIONS), "application/json", "{}"), 403);
        JsonNode wrong = json(browser.post(gateway(APPLICATIONS), "application/json", "{}",
                "X-XSRF-TOKEN", "not-" + csrf), 403);
        assertThat(membership.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        for (JsonNode problem : List.of(missing, wrong)) {
            assertThat(problem.path("type").asString()).isEqualTo("urn:brandcluster:problem:invalid-csrf-token");
            assertThat(problem.path("status").asInt()).isEqualTo(403);
        }

        HttpResponse<String> accepted = browser.post(gateway(APPLICATIONS), "application/json", "{}",
                "X-XSRF-TOKEN", csrf);
        assertThat(accepted.statusCode()).isEqualTo(200);
        LoggedRequest relayed = onlyRequestToMembership();
        assertThat(relayed.getHeader("Authorization")).startsWith("Bearer ");
        assertThat(relayed.containsHeader("X-XSRF-TOKEN")).isFalse();
    }

    @Test
    void leavesBearerApiClientsAsTheyAreWithoutCsrfCheckEvenWithASessionCookie() {
        Browser browser = loggedIn("enterprise-opal");
        String token = KeycloakExtension.passwordToken("secretariat-lighting", PASSWORD);

        HttpResponse<String> write = browser.post(gateway(APPLICATIONS), "application/json", "{}",
                "Authorization", "Bearer " + token);

        assertThat(write.statusCode()).isEqualTo(200);
        assertThat(write.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(onlyRequestToMembership().getHeader("Authorization")).isEqualTo("Bearer " + token);
        JsonNode me = json(new Browser().get(gateway("/api/session"), "Authorization", "Bearer " + token), 200);
        assertThat(me.path("username").asString()).isEqualTo("secretariat-lighting");
        assertThat(me.path("secretariat_of").values()).extracting(JsonNode::asString).containsExactly("lighting");
        json(new Browser().post(gateway("/api/session/refresh"), "application/json", "",
                "Authorization", "Bearer " + token), 403);
    }

    @Test
    void answersAnAnonymousSessionQueryWith401ProblemAndNeverRedirects() {
        Browser anonymous = new Browser();

        for (HttpResponse<String> response : List.of(
                anonymous.get(gateway("/api/session"), "Accept", "text/html"),
                anonymous.get(gateway("/api/session"), "Accept", "application/json", "X-Requested-With",
                        "XMLHttpRequest"),
                anonymous.post(gateway("/api/session/refresh"), "application/json", ""))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Location")).isEmpty();
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void logoutFromAFormWithTheCsrfTokenEndsTheGatewaySessionAndTheKeycloakSession() {
        Browser browser = loggedIn("expert-wang");
        json(browser.get(gateway("/api/session")), 200);
        String session = browser.cookie(GatewaySecurityConfiguration.SESSION_COOKIE).orElseThrow();
        String csrf = browser.cookie(GatewaySecurityConfiguration.CSRF_COOKIE).orElseThrow();
        String keycloakSession = keycloakSessionOf(browser);
        assertThat(keycloakSessionIds("expert-wang")).contains(keycloakSession);

        json(browser.post(gateway("/logout"), "application/x-www-form-urlencoded", ""), 403);
        json(browser.get(gateway("/api/session")), 200);

        HttpResponse<String> loggedOut = browser.postForm(gateway("/logout"), Map.of("_csrf", csrf));
        assertThat(loggedOut.statusCode()).isEqualTo(302);
        URI endSession = Browser.location(loggedOut);
        assertThat(endSession.toString())
                .startsWith(KeycloakExtension.issuerUri() + "/protocol/openid-connect/logout?")
                .contains("id_token_hint=", "post_logout_redirect_uri=");
        HttpResponse<String> home = browser.follow(loggedOut);
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(Browser.location(home)).isEqualTo(URI.create(gateway("/")));

        browser.setCookie(GatewaySecurityConfiguration.SESSION_COOKIE, session);
        json(browser.get(gateway("/api/session")), 401);
        assertThat(keycloakSessionIds("expert-wang")).doesNotContain(keycloakSession);
    }

    @Test
    void refreshPicksUpAChangedEnterpriseAtOnce() {
        String enterprise = "newco-" + UUID.randomUUID().toString().substring(0, 8);
        Browser browser = loggedIn("enterprise-newco");
        JsonNode before = json(browser.get(gateway("/api/session")), 200);
        assertThat(before.path("enterprise_id").isNull()).isTrue();
        String csrf = browser.cookie(GatewaySecurityConfiguration.CSRF_COOKIE).orElseThrow();
        KeycloakAdmin admin = KeycloakExtension.admin();
        try {
            assertThat(admin.mergeAttributes("enterprise-newco", Map.of("enterprise_id", List.of(enterprise)))
                    .statusCode()).isEqualTo(204);
            assertThat(json(browser.get(gateway("/api/session")), 200).path("enterprise_id").isNull()).isTrue();

            JsonNode refreshed = json(browser.post(gateway("/api/session/refresh"), "application/json", "",
                    "X-XSRF-TOKEN", csrf), 200);

            assertThat(refreshed.path("enterprise_id").asString()).isEqualTo(enterprise);
            assertThat(json(browser.get(gateway("/api/session")), 200).path("enterprise_id").asString())
                    .isEqualTo(enterprise);
            browser.get(gateway(APPLICATIONS));
            assertThat(relayedClaims().path("enterprise_id").asString()).isEqualTo(enterprise);
        }
        finally {
            admin.mergeAttributes("enterprise-newco", Map.of("enterprise_id", List.of()));
        }
    }

    @Test
    void refreshesAnExpiredAccessTokenBeforeRelayingIt() {
        Browser browser = loggedIn("enterprise-foshan");
        browser.get(gateway(APPLICATIONS));
        JsonNode first = relayedClaims();
        membership.resetRequests();

        clock.advance(Duration.ofSeconds(first.path("exp").asLong() - first.path("iat").asLong()).plusMinutes(1));
        browser.get(gateway(APPLICATIONS));

        JsonNode second = relayedClaims();
        assertThat(second.path("jti").asString()).isNotEqualTo(first.path("jti").asString());
        assertThat(second.path("sid").asString()).isEqualTo(first.path("sid").asString());
        assertThat(second.path("preferred_username").asString()).isEqualTo("enterprise-foshan");
    }

    @Test
    void endsTheGatewaySessionWhenKeycloakNoLongerRefreshesIt() {
        Browser browser = loggedIn("expert-li");
        json(browser.get(gateway("/api/session")), 200);
        String csrf = browser.cookie(GatewaySecurityConfiguration.CSRF_COOKIE).orElseThrow();
        String keycloakSession = keycloakSessionOf(browser);
        assertThat(KeycloakExtension.admin().delete("/sessions/" + keycloakSession).statusCode()).isEqualTo(204);

        JsonNode ended = json(browser.post(gateway("/api/session/refresh"), "application/json", "",
                "X-XSRF-TOKEN", csrf), 401);

        assertThat(ended.path("type").asString()).isEqualTo("urn:brandcluster:problem:session-ended");
        json(browser.get(gateway("/api/session")), 401);
    }

    private Browser loggedIn(String username) {
        Browser browser = new Browser();
        HttpResponse<String> toKeycloak = browser.follow(browser.get(gateway("/login")));
        HttpResponse<String> landed = browser.follow(submitLoginForm(browser, browser.follow(toKeycloak), username));
        assertThat(Browser.location(landed)).isEqualTo(URI.create(gateway("/")));
        return browser;
    }

    private HttpResponse<String> submitLoginForm(Browser browser, HttpResponse<String> loginPage, String username) {
        assertThat(loginPage.statusCode()).as(loginPage.body()).isEqualTo(200);
        HttpResponse<String> back = browser.postForm(Browser.loginFormAction(loginPage),
                Map.of("username", username, "password", PASSWORD, "credentialId", ""));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(Browser.location(back).toString()).startsWith(gateway("/login/oauth2/code/keycloak?"));
        return back;
    }

    /** The Keycloak session ({@code sid}) behind the browser's gateway session, read from a relayed token. */
    private String keycloakSessionOf(Browser browser) {
        membership.resetRequests();
        browser.get(gateway(APPLICATIONS));
        String sid = relayedClaims().path("sid").asString();
        membership.resetRequests();
        return sid;
    }

    private static List<String> keycloakSessionIds(String username) {
        KeycloakAdmin admin = KeycloakExtension.admin();
        return admin.getJson("/users/" + admin.userId(username) + "/sessions").values().stream()
                .map(session -> session.path("id").asString())
                .toList();
    }

    private static JsonNode relayedClaims() {
        String bearer = onlyRequestToMembership().getHeader("Authorization");
        assertThat(bearer).startsWith("Bearer ");
        return KeycloakExtension.claims(bearer.substring("Bearer ".length()));
    }

    private static LoggedRequest onlyRequestToMembership() {
        List<LoggedRequest> requests = membership.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private String gateway(String pathAndQuery) {
        return "http://localhost:" + port + pathAndQuery;
    }

    /** Another gateway on the same MongoDB database and Keycloak: a second instance behind the load balancer. */
    private static ConfigurableApplicationContext secondGateway() {
        Map<String, Object> properties = new HashMap<>(keycloakProperties());
        properties.put("server.port", 0);
        properties.put("brandcluster.gateway.services.membership", membership.baseUrl());
        properties.put("spring.mongodb.uri", MongoExtension.uri());
        properties.put("spring.mongodb.database", MongoExtension.databaseName());
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
    }

    /** The realm lets {@code portal-gateway} redirect to localhost:8080 only; the test's gateway has its own port. */
    private static void allowRedirectsTo(String pattern) {
        KeycloakAdmin admin = KeycloakExtension.admin();
        ObjectNode client = (ObjectNode) admin.getJson("/clients?clientId=" + KeycloakExtension.GATEWAY_CLIENT).get(0);
        ((ArrayNode) client.get("redirectUris")).add(pattern);
        ObjectNode attributes = (ObjectNode) client.get("attributes");
        attributes.put("post.logout.redirect.uris",
                attributes.path("post.logout.redirect.uris").asString() + "##" + pattern);
        HttpResponse<String> updated = admin.put("/clients/" + client.path("id").asString(), client);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
    }

    private static WireMockServer startedWireMock() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(8));
        server.start();
        return server;
    }
}
