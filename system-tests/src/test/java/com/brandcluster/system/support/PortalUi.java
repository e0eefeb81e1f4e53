package com.brandcluster.system.support;

import com.brandcluster.testsupport.KeycloakExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The portal's web UI as a person uses it, in a {@link Browser}: pages opened by their address and awaited until they
 * have loaded, signing in with the header's "Sign in" button and Keycloak's login page, signing out with the header's
 * button, and what the page shows (header, navigation, headings, alerts).
 *
 * <p>Every test of the UI also watches the gateway's Content-Security-Policy: from {@link #forPortal(Browser)} on, each
 * page records the policy violations it meets ({@code securitypolicyviolation} events, installed before any script of
 * the page runs), and {@link #cspViolations()} returns them together with the console's CSP errors.
 */
public final class PortalUi {

    /** The header of every page of the portal. */
    public static final By HEADER = By.cssSelector("header.top");
    public static final By USER_NAME = By.cssSelector("header.top .user-name");
    public static final By NAVIGATION = By.cssSelector("header.top nav a");
    public static final By LOCALE = By.cssSelector("select[data-testid=locale]");

    private static final String RECORD_CSP_VIOLATIONS = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
                e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' on ' + e.documentURI));
            """;

    private final Browser browser;
    private final KeycloakLogin login;

    private PortalUi(Browser browser, KeycloakLogin login) {
        this.browser = browser;
        this.login = login;
    }

    /** The UI of the running {@link Portal}, as the browser sees it ({@code http://localhost:<gateway port>}). */
    public static PortalUi forPortal(Browser browser) {
        PortalUi ui = new PortalUi(browser, KeycloakLogin.forPortal(browser));
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", RECORD_CSP_VIOLATIONS));
        return ui;
    }

    public Browser browser() {
        return browser;
    }

    /**
     * Waits up to {@link Browser#WAIT}, as {@link Browser#waiting()}, for a condition on a page that React may be
     * rendering anew meanwhile: an element found a moment ago and replaced since is looked for again.
     */
    public WebDriverWait waiting() {
        return (WebDriverWait) browser.waiting().ignoring(StaleElementReferenceException.class);
    }

    /** The gateway's address as the browser uses it. */
    public String gateway() {
        return login.gateway();
    }

    /** Opens a page of the UI by its path (a full page load) and waits until it has loaded. */
    public PortalUi open(String path) {
        browser.open(gateway() + path);
        return awaitLoaded();
    }

    /**
     * Waits until the page shows its heading and has nothing loading any more (neither a lazily loaded route nor the
     * page's data).
     */
    public PortalUi awaitLoaded() {
        waiting().withMessage(() -> "the page " + browser.url() + " to finish loading").until(driver ->
                (Boolean) ((JavascriptExecutor) driver).executeScript("""
                        return document.readyState === 'complete'
                            && !!document.querySelector('main h1')
                            && document.querySelectorAll('.loading').length === 0
                            && !!document.querySelector('header.top .user, header.top button.primary')"""));
        return this;
    }

    /** Signs in with the header's "Sign in" button and Keycloak's page; back on the page where it started. */
    public PortalUi signIn(String username) {
        String from = browser.url();
        waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("header.top button.primary"))).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        login.submit(username, KeycloakExtension.DEMO_PASSWORD).awaitBackOnGateway();
        waiting().withMessage(() -> "back on " + from + " signed in as " + username)
                .until(driver -> driver.getCurrentUrl().equals(from)
                        && !driver.findElements(USER_NAME).isEmpty());
        return awaitLoaded();
    }

    /** Opens the page and signs in there, coming back to it. */
    public PortalUi signInAt(String path, String username) {
        open(path);
        return signIn(username);
    }

    /** Signs out with the header's button: the gateway and Keycloak end their sessions, the start page shows. */
    public PortalUi signOut() {
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("header.top .user button")))
                .click();
        waiting().withMessage(() -> "signed out, back on the start page, but the browser is at " + browser.url())
                .until(driver -> driver.getCurrentUrl().equals(gateway() + "/")
                        && !driver.findElements(By.cssSelector("header.top button.primary")).isEmpty());
        return awaitLoaded();
    }

    /** The signed-in user's name in the header, or empty when nobody is signed in. */
    public String userName() {
        List<WebElement> names = browser.driver().findElements(USER_NAME);
        return names.isEmpty() ? "" : names.getFirst().getText();
    }

    /** The texts of the main navigation's entries, in order. */
    public List<String> navigation() {
        return browser.driver().findElements(NAVIGATION).stream().map(WebElement::getText).toList();
    }

    /** The page's main heading. */
    public String heading() {
        return browser.driver().findElement(By.cssSelector("main h1")).getText();
    }

    /** Switches the language with the header's language menu, by the language's own name ("简体中文"). */
    public PortalUi language(String name) {
        new Select(browser.driver().findElement(LOCALE)).selectByVisibleText(name);
        return this;
    }

    /** The {@code lang} of the document. */
    public String documentLanguage() {
        return (String) browser.script("return document.documentElement.lang");
    }

    /** Waits for an element to be visible and returns it. */
    public WebElement visible(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits for an element with this text (exactly, after trimming) to be visible and returns it. */
    public WebElement visibleWithText(String css, String text) {
        return waiting().withMessage(() -> "a visible " + css + " reading \"" + text + "\" on " + browser.url())
                .until(driver -> driver.findElements(By.cssSelector(css)).stream()
                        .filter(element -> element.isDisplayed() && element.getText().trim().equals(text))
                        .findFirst().orElse(null));
    }

    /** The form control labelled with this text (a {@code <label for>}) in the page. */
    public WebElement field(String label) {
        WebElement element = waiting().withMessage(() -> "a field labelled \"" + label + "\" on " + browser.url())
                .until(driver -> driver.findElements(By.cssSelector("main label")).stream()
                        .filter(l -> l.getText().trim().equals(label)).findFirst().orElse(null));
        return browser.driver().findElement(By.id(element.getDomAttribute("for")));
    }

    /** The Content-Security-Policy violations the pages met since {@link Browser#reset()}: events and console errors. */
    @SuppressWarnings("unchecked")
    public List<String> cspViolations() {
        Object recorded = browser.script("return window.__cspViolations || []");
        return Stream.concat(((List<Object>) recorded).stream().map(String::valueOf),
                        browser.consoleErrors().stream().filter(error -> error.contains("Content Security Policy")))
                .toList();
    }

    /**
     * Lets the browser save downloads, without asking, into this folder (created and emptied first): CDP
     * {@code Browser.setDownloadBehavior}.
     */
    public Path downloadsInto(Path folder) {
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.driver().executeCdpCommand("Browser.setDownloadBehavior", Map.of(
                "behavior", "allow", "downloadPath", folder.toAbsolutePath().toString(), "eventsEnabled", true));
        return folder;
    }

    /**
     * Waits until one file whose name ends with {@code suffix} (".zip") has been downloaded completely into the
     * folder, and returns it.
     */
    public Path downloaded(Path folder, String suffix) {
        return waiting().withMessage(() -> "a *" + suffix + " downloaded into " + folder + " (there: "
                        + listing(folder) + ")")
                .until(driver -> {
                    List<String> names = listing(folder);
                    List<String> done = names.stream().filter(name -> name.endsWith(suffix)).toList();
                    return names.stream().noneMatch(name -> name.endsWith(".crdownload")) && done.size() == 1
                            ? folder.resolve(done.getFirst()) : null;
                });
    }

    private static List<String> listing(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
