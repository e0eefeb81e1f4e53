package com.brandcluster.system.browser;

import com.brandcluster.system.support.Browser;
import com.brandcluster.system.support.KeycloakLogin;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.testsupport.KeycloakExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Cookie;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in to the portal in a real browser (headless Chromium) through the gateway and Keycloak's own login page,
 * as each demo role: the page's JavaScript then sees who is logged in through {@code /api/session}, but never a token
 * nor the HttpOnly session cookie; logging out ends the Keycloak session too; a wrong password gets Keycloak's error
 * and no session.
 */
@PortalSystemTest
class BrowserLoginIT {

    private static final String PASSWORD = KeycloakExtension.DEMO_PASSWORD;
    /** A JWT (header.payload.signature, base64url, the header starting with {"...). */
    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final Browser browser = Browser.headless().build();

    private static KeycloakLogin login;

    @BeforeAll
    static void portal() {
        login = KeycloakLogin.forPortal(browser);
        // The pages these tests run their JavaScript on are the gateway's JSON answers, whose policy (default-src
        // 'none', form-action 'none') forbids fetch and forms; the session cookie, CSRF and CORS rules still apply.
        browser.bypassContentSecurityPolicy();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "secretariat-lighting, secretariat",
            "enterprise-opal, enterprise",
            "expert-li, expert",
            "alliance-admin, alliance-admin"})
    void logsInOnKeycloaksPageAndThePageSeesTheRolesButNoToken(String username, String role) {
        login.openLoginPage("/welcome");
        assertThat(login.showsPasswordForm()).isTrue();

        login.submit(username, PASSWORD).awaitBackOnGateway();

        assertThat(browser.url()).isEqualTo(login.gateway() + "/welcome");
        Browser.FetchResult answer = browser.fetch("GET", "/api/session");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode session = JSON.readTree(answer.body());
        assertThat(session.path("authenticated").asBoolean()).isTrue();
        assertThat(session.path("username").asString()).isEqualTo(username);
        assertThat(session.path("roles").valueStream().map(JsonNode::asString)).containsExactly(role);
        if (role.equals("secretariat")) {
            assertThat(session.path("secretariat_of").valueStream().map(JsonNode::asString)).containsExactly("lighting");
        }

        Cookie sessionCookie = browser.driver().manage().getCookieNamed("SESSION");
        assertThat(sessionCookie).as("the SESSION cookie").isNotNull();
        assertThat(sessionCookie.isHttpOnly()).isTrue();
        assertThat(JWT.matcher(sessionCookie.getValue()).find()).isFalse();
        String visibleToJavaScript = (String) browser.script("""
                return [document.cookie, JSON.stringify(localStorage), JSON.stringify(sessionStorage),
                        document.documentElement.outerHTML, location.href,
                        ...performance.getEntries().map(entry => entry.name)].join('\\n')""");
        assertThat(visibleToJavaScript).doesNotContain("SESSION=").contains("XSRF-TOKEN=");
        assertThat(JWT.matcher(visibleToJavaScript + answer.body()).find())
                .as("a token visible to the page's JavaScript: %s %s", visibleToJavaScript, answer.body()).isFalse();
    }

    @Test
    void logoutFromTheFormEndsTheKeycloakSessionSoTheNextLoginAsksForThePasswordAgain() {
        // the web UI's background requests (session check, notification count) still run when the next login starts
        login.logIn("enterprise-opal", PASSWORD, "/welcome");
        // while Keycloak's session lives, /login goes straight through without a password
        login.startLogin("/again").awaitBackOnGateway();
        assertThat(browser.url()).isEqualTo(login.gateway() + "/again");
        assertThat(browser.fetch("GET", "/api/session").status()).isEqualTo(200);

        login.logOutWithForm();

        assertThat(browser.fetch("GET", "/api/session").status()).isEqualTo(401);
        assertThat(browser.driver().manage().getCookieNamed("SESSION")).isNull();
        login.openLoginPage("/again");
        assertThat(login.showsPasswordForm()).isTrue();
        browser.screenshot("login-page-after-logout");
    }

    @Test
    void aWrongPasswordGetsKeycloaksErrorAndNoSession() {
        login.openLoginPage("/welcome");
        browser.screenshot("keycloak-login-page");

        login.submit("enterprise-opal", "not-the-password");

        assertThat(login.loginError()).contains("Invalid username or password");
        assertThat(login.showsPasswordForm()).isTrue();
        browser.screenshot("keycloak-login-wrong-password");
        browser.open(login.gateway() + "/welcome");
        Browser.FetchResult answer = browser.fetch("GET", "/api/session");
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.body()).contains("\"status\":401");
    }
}
