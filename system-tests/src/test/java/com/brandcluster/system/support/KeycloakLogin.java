package com.brandcluster.system.support;

import com.brandcluster.testsupport.KeycloakAdmin;
import com.brandcluster.testsupport.KeycloakExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logging in to the portal like a person: {@code <gateway>/login?return_to=...} leads to Keycloak's real login page,
 * the username and password are typed into it ({@code #username}, {@code #password}, {@code #kc-login}) and the
 * browser comes back to the gateway.
 *
 * <p>The browser sees the gateway as {@code http://localhost:<port>} (Keycloak's hostname is {@code localhost} too);
 * {@link #forPortal(Browser)} allows that address as a redirect target of the {@code portal-gateway} client, which the
 * realm file only allows for {@code http://localhost:8080}.
 */
public final class KeycloakLogin {

    private static final Set<String> allowedGateways = ConcurrentHashMap.newKeySet();

    private final Browser browser;
    private final String gateway;

    public KeycloakLogin(Browser browser, String gatewayUrl) {
        this.browser = browser;
        this.gateway = gatewayUrl;
    }

    /** Logs in to the running {@link Portal}'s gateway. */
    public static KeycloakLogin forPortal(Browser browser) {
        String gateway = "http://localhost:" + Portal.get().gateway().port();
        allowAsRedirectTarget(gateway);
        return new KeycloakLogin(browser, gateway);
    }

    /** The gateway's address as the browser uses it, e.g. {@code http://localhost:41234}. */
    public String gateway() {
        return gateway;
    }

    /** Opens Keycloak's login page through the gateway's {@code /login} and waits for its password form. */
    public KeycloakLogin openLoginPage(String returnTo) {
        startLogin(returnTo);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        return this;
    }

    /** Goes to the gateway's {@code /login}, without waiting for anything. */
    public KeycloakLogin startLogin(String returnTo) {
        browser.open(gateway + "/login?return_to=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
        return this;
    }

    /** Whether the browser shows Keycloak's password form now. */
    public boolean showsPasswordForm() {
        return browser.url().startsWith(KeycloakExtension.baseUrl())
                && !browser.driver().findElements(By.id("password")).isEmpty();
    }

    /** Types the username and password into Keycloak's form on the current page and submits it. */
    public KeycloakLogin submit(String username, String password) {
        WebElement user = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("username")));
        user.clear();
        user.sendKeys(username);
        WebElement secret = browser.driver().findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        browser.driver().findElement(By.id("kc-login")).click();
        return this;
    }

    /** The full login: Keycloak's page, the form, and back on the gateway at {@code returnTo}. */
    public KeycloakLogin logIn(String username, String password, String returnTo) {
        openLoginPage(returnTo);
        submit(username, password);
        awaitBackOnGateway();
        return this;
    }

    /** Waits until the browser is on a page of the gateway again (not Keycloak's). */
    public KeycloakLogin awaitBackOnGateway() {
        browser.waiting().withMessage(() -> "back on the gateway " + gateway + ", but the browser is at " + browser.url())
                .until(driver -> driver.getCurrentUrl().startsWith(gateway + "/"));
        return this;
    }

    /**
     * The error Keycloak's login page shows (e.g. for a wrong password), once it shows one: under the username field
     * ({@code #input-error-username} in Keycloak 26's theme, {@code #input-error} in the older one) or as the page's
     * message.
     */
    public String loginError() {
        return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#input-error-username, #input-error, .kc-feedback-text"))).getText();
    }

    /**
     * Logs out as the web UI does: a form posted to the gateway's {@code /logout} with the {@code _csrf} field from
     * the {@code XSRF-TOKEN} cookie; the gateway sends the browser through Keycloak's end-session endpoint and back.
     * Call it on a page of the gateway.
     */
    public KeycloakLogin logOutWithForm() {
        browser.script("""
                const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
                if (!token) { throw new Error('no XSRF-TOKEN cookie on ' + location.href); }
                const form = document.createElement('form');
                form.method = 'POST';
                form.action = '/logout';
                const csrf = document.createElement('input');
                csrf.type = 'hidden';
                csrf.name = '_csrf';
                csrf.value = decodeURIComponent(token.substring('XSRF-TOKEN='.length));
                form.appendChild(csrf);
                document.body.appendChild(form);
                form.submit();
                """);
        browser.waiting().withMessage(() -> "back on the gateway after the logout, but the browser is at " + browser.url())
                .until(driver -> driver.getCurrentUrl().equals(gateway + "/"));
        return this;
    }

    /**
     * Adds the gateway's address to the {@code portal-gateway} client's redirect URIs and post-logout redirect URIs in
     * the test's Keycloak (once per address and JVM).
     */
    public static void allowAsRedirectTarget(String gatewayUrl) {
        if (allowedGateways.contains(gatewayUrl)) {
            return;
        }
        synchronized (allowedGateways) {
            if (allowedGateways.contains(gatewayUrl)) {
                return;
            }
            String pattern = gatewayUrl + "/*";
            KeycloakAdmin admin = KeycloakExtension.admin();
            ObjectNode client = (ObjectNode) admin.getJson("/clients?clientId=" + KeycloakExtension.GATEWAY_CLIENT).get(0);
            ArrayNode redirects = (ArrayNode) client.get("redirectUris");
            if (redirects.valueStream().noneMatch(uri -> uri.asString().equals(pattern))) {
                redirects.add(pattern);
                ObjectNode attributes = (ObjectNode) client.get("attributes");
                attributes.put("post.logout.redirect.uris",
                        attributes.path("post.logout.redirect.uris").asString() + "##" + pattern);
                HttpResponse<String> updated = admin.put("/clients/" + client.path("id").asString(), client);
                if (updated.statusCode() != 204) {
                    throw new IllegalStateException("Could not allow " + pattern + " as a redirect of "
                            + KeycloakExtension.GATEWAY_CLIENT + ": " + updated.statusCode() + " " + updated.body());
                }
            }
            allowedGateways.add(gatewayUrl);
        }
    }
}
