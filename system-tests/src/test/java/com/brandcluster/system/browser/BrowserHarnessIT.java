package com.brandcluster.system.browser;

import com.brandcluster.system.support.Accessibility;
import com.brandcluster.system.support.Browser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.openqa.selenium.By;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The browser harness itself, against pages served by this JVM (no portal needed): Debian's headless Chromium at the
 * fixed window size, in the language and time zone it is given, screenshots where the tests' artifacts go (also when
 * a test fails), the page's console errors, a fresh state per test, and axe-core's check with its bundled script.
 */
class BrowserHarnessIT {

    @RegisterExtension
    static final Browser browser = Browser.headless().language("zh-CN").build();

    private static final Map<String, String> PAGES = Map.of(
            "/accessible", """
                    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lighting cluster</title></head>
                    <body><header><h1>China Lighting Brand Cluster</h1></header>
                    <main><p>Members in good standing may use the cluster mark.</p>
                    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Cluster mark">
                    <button type="button">Apply</button></main></body></html>""",
            "/inaccessible", """
                    <!doctype html><html><head><meta charset="utf-8"><title>Broken</title></head>
                    <body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                    <button type="button"></button></body></html>""",
            "/console-errors", """
                    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Errors</title></head>
                    <body><p>errors</p><script>
                    console.error('broken on purpose');
                    console.log('only information');
                    setTimeout(() => { throw new Error('uncaught on purpose'); }, 0);
                    </script></body></html>""");

    private static HttpServer server;
    private static String site;

    @BeforeAll
    static void servePages() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        PAGES.forEach((path, html) -> server.createContext(path, exchange -> answer(exchange, html)));
        server.createContext("/echo", exchange -> answer(exchange, """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Echo</title></head>
                <body><p id="accept-language">%s</p></body></html>"""
                .formatted(exchange.getRequestHeaders().getFirst("Accept-Language"))));
        server.start();
        site = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServing() {
        server.stop(0);
    }

    @Test
    void opensPagesAtTheFixedWindowSizeInTheConfiguredLanguage() {
        browser.open(site + "/echo");

        assertThat(browser.driver().findElement(By.id("accept-language")).getText()).startsWith("zh-CN");
        assertThat(browser.script("return navigator.language")).isEqualTo("zh-CN");
        assertThat(browser.script("return [window.innerWidth, window.innerHeight]"))
                .asList().containsExactly((long) Browser.WIDTH, (long) Browser.HEIGHT);
        assertThat(browser.script("return new Intl.NumberFormat().resolvedOptions().locale")).isEqualTo("zh-CN");
    }

    @Test
    void showsTimesInTheTimeZoneItIsGiven() {
        browser.open(site + "/echo");
        String hourOfNewYearUtcMidnight = "return new Date(Date.UTC(2026, 0, 1, 0, 0)).getHours()";

        browser.timeZone("Asia/Shanghai");
        assertThat(browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(browser.script(hourOfNewYearUtcMidnight)).isEqualTo(8L);

        browser.timeZone("Europe/Berlin");
        browser.open(site + "/echo");
        assertThat(browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo("Europe/Berlin");
        assertThat(browser.script(hourOfNewYearUtcMidnight)).isEqualTo(1L);
    }

    @Test
    void savesScreenshotsUnderTheTestClassFolder() throws IOException {
        browser.open(site + "/accessible");

        Path saved = browser.screenshot("accessible page");

        assertThat(saved).isEqualTo(Path.of("target", "screenshots", "BrowserHarnessIT", "accessible-page.png"));
        BufferedImage image = ImageIO.read(saved.toFile());
        assertThat(image.getWidth()).isEqualTo(Browser.WIDTH);
        assertThat(image.getHeight()).isEqualTo(Browser.HEIGHT);
    }

    @Test
    void collectsTheErrorsThePageWritesToTheConsole() {
        browser.open(site + "/console-errors");

        await().untilAsserted(() -> assertThat(browser.consoleErrors())
                .anySatisfy(error -> assertThat(error).contains("broken on purpose"))
                .anySatisfy(error -> assertThat(error).contains("uncaught on purpose")));
        assertThat(browser.consoleErrors()).noneSatisfy(error -> assertThat(error).contains("only information"));
    }

    @Test
    void startsAgainWithoutCookiesStorageOrConsoleErrors() {
        browser.open(site + "/console-errors");
        browser.script("document.cookie = 'remembered=yes; path=/'; localStorage.setItem('language', 'en');"
                + " sessionStorage.setItem('draft', 'x')");
        await().until(() -> !browser.consoleErrors().isEmpty());

        browser.reset();

        assertThat(browser.url()).isEqualTo("about:blank");
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.driver().manage().getCookies()).isEmpty();
        browser.open(site + "/echo");
        assertThat(browser.script("return document.cookie")).isEqualTo("");
        assertThat(browser.script("return [localStorage.length, sessionStorage.length]")).asList().containsExactly(0L, 0L);
    }

    @Test
    void passesAnAccessiblePageWithAxesBundledScript() {
        browser.open(site + "/accessible");

        Accessibility.assertNoSeriousViolations(browser, "the accessible page");

        assertThat(browser.script("return typeof axe === 'object' && axe.version")).asString().startsWith("4.");
    }

    @Test
    void failsAPageWithSeriousViolationsAndNamesThemAndTheirElements() {
        browser.open(site + "/inaccessible");

        assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(browser, "the broken page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("on the broken page (" + site + "/inaccessible)")
                .hasMessageContaining("[critical] image-alt")
                .hasMessageContaining("[critical] button-name")
                .hasMessageContaining("[serious] html-has-lang")
                .hasMessageContaining("<button type=\"button\"></button>");
    }

    @Test
    void savesAScreenshotWhenATestFails() throws IOException {
        Path expected = Path.of("target", "screenshots", "FailsOnAPage", "failsOnPurpose-failed.png");
        Files.deleteIfExists(expected);
        FailsOnAPage.site = site;

        Events failures = EngineTestKit.engine("junit-jupiter").selectors(selectClass(FailsOnAPage.class)).execute()
                .testEvents().failed();

        assertThat(failures.count()).isEqualTo(1);
        Throwable failure = failures.list().getFirst().getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasMessageContaining("the page changed");
        assertThat(Arrays.stream(failure.getSuppressed()).map(Throwable::getMessage))
                .anySatisfy(message -> assertThat(message).contains("failsOnPurpose-failed.png")
                        .contains(site + "/accessible"));
        assertThat(ImageIO.read(expected.toFile()).getWidth()).isEqualTo(Browser.WIDTH);
    }

    @Test
    void refusesToStartWithoutChromiumAndSaysHowToInstallIt() {
        try (Browser missing = Browser.headless()
                .binaries(Path.of("/nonexistent/chromium"), Browser.CHROMEDRIVER).build()) {
            assertThatThrownBy(missing::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("/nonexistent/chromium is missing")
                    .hasMessageEndingWith("apt-get install -y chromium chromium-driver");
        }
    }

    private static void answer(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Run only by {@link #savesAScreenshotWhenATestFails()} through the engine test kit: it fails on purpose. */
    static class FailsOnAPage {

        static String site;

        @RegisterExtension
        static final Browser failing = Browser.headless().build();

        @Test
        void failsOnPurpose() {
            failing.open(site + "/accessible");
            assertThat(failing.driver().getTitle()).as("the page changed").isEqualTo("Another title");
        }
    }
}
