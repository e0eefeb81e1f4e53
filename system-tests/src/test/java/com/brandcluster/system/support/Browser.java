package com.brandcluster.system.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Debian's headless Chromium driven through {@code /usr/bin/chromedriver}, for the browser tests. Selenium Manager is
 * never asked for anything: the driver and the browser are named explicitly, so nothing is downloaded.
 *
 * <p>As a JUnit 5 extension, one browser per test class (start-ups are the expensive part) with a fresh state per
 * test:
 * <pre>{@code
 * @RegisterExtension
 * static final Browser browser = Browser.headless().language("zh-CN").timeZone("Asia/Shanghai").build();
 * }</pre>
 * Before each test every cookie is deleted, the local and session storage of every origin opened through
 * {@link #open(String)} is cleared, the collected console errors are forgotten and the tab shows {@code about:blank}.
 * When a test fails, a screenshot of the page is saved as {@code target/screenshots/<TestClass>/<test>-failed.png}.
 * Outside JUnit it is an {@link AutoCloseable}: {@code try (Browser b = Browser.headless().build().start()) { ... }}.
 *
 * <p>The window is 1280x900. The language is fixed at start ({@code --lang} and {@code intl.accept_languages}, so both
 * {@code navigator.language} and the {@code Accept-Language} header follow it); the time zone can be changed at any
 * time ({@link #timeZone(String)}, CDP {@code Emulation.setTimezoneOverride}).
 */
public final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        TestExecutionExceptionHandler, AutoCloseable {

    /** The browser binary; {@code -Dbrowser.chromium=...} names another one. */
    public static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    /** The driver binary; {@code -Dbrowser.chromedriver=...} names another one. */
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 900;
    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * Selenium has no CDP bindings for every Chromium release and says so at each start; these tests only send plain
     * CDP commands ({@code executeCdpCommand}), which work whatever the version.
     */
    private static final Logger CDP_VERSION_WARNINGS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_WARNINGS.setLevel(Level.SEVERE);
    }

    private final Path chromium;
    private final Path chromedriver;
    private final String language;
    private final String initialTimeZone;
    private final Set<String> origins = new LinkedHashSet<>();
    private final List<String> consoleErrors = new ArrayList<>();
    private ChromeDriverService service;
    private ChromeDriver driver;
    private String screenshotFolder = "Browser";

    private Browser(Path chromium, Path chromedriver, String language, String timeZone) {
        this.chromium = chromium;
        this.chromedriver = chromedriver;
        this.language = language;
        this.initialTimeZone = timeZone;
    }

    /** A headless Chromium, configured by the builder and started on first use. */
    public static Builder headless() {
        return new Builder();
    }

    /** Starts the browser now (it starts by itself on first use otherwise). */
    public synchronized Browser start() {
        if (driver != null) {
            return this;
        }
        requireBinaries();
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--window-size=" + WIDTH + "," + HEIGHT,
                // root in CI and no /dev/shm to speak of in containers
                "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                // no calls home: the tests run without the internet
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--disable-default-apps", "--metrics-recording-only", "--password-store=basic",
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        driver = new ChromeDriver(service, options);
        // the page's viewport, and so the screenshots, exactly 1280x900 (the window is that size with the headless
        // browser's own frame inside it)
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        // headless Chromium on Linux keeps the machine's locale for navigator.language and Intl whatever --lang says
        driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", language));
        if (initialTimeZone != null) {
            timeZone(initialTimeZone);
        }
        return this;
    }

    private void requireBinaries() {
        for (Path binary : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException("The browser tests need Debian's headless Chromium and its driver ("
                        + binary + " is missing): apt-get install -y chromium chromium-driver");
            }
        }
    }

    /** The WebDriver, for anything this class has no shortcut for. */
    public ChromeDriver driver() {
        return start().driver;
    }

    /** Goes to the URL and remembers its origin, whose storage is cleared before the next test. */
    public Browser open(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() != null && uri.getScheme().startsWith("http")) {
            origins.add(uri.getScheme() + "://" + uri.getAuthority());
        }
        driver().get(url);
        return this;
    }

    /** The current URL. */
    public String url() {
        return driver().getCurrentUrl();
    }

    /** Waits up to {@link #WAIT} for a condition ({@code ExpectedConditions} or a lambda). */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver(), WAIT);
    }

    /** Runs JavaScript in the page and returns its result. */
    public Object script(String javaScript, Object... arguments) {
        return driver().executeScript(javaScript, arguments);
    }

    /**
     * {@code fetch(path)} from the current page's JavaScript, with the page's cookies (as the web UI calls the API):
     * the status and the body as text.
     */
    @SuppressWarnings("unchecked")
    public FetchResult fetch(String method, String path) {
        Map<String, Object> result = (Map<String, Object>) driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: arguments[1], credentials: 'same-origin',
                                     headers: {'Accept': 'application/json'}})
                    .then(r => r.text().then(body => done({status: r.status, body: body})))
                    .catch(e => done({status: -1, body: String(e)}));
                """, path, method);
        return new FetchResult(((Number) result.get("status")).intValue(), (String) result.get("body"));
    }

    /** The status and body of a {@link #fetch(String, String)}. */
    public record FetchResult(int status, String body) {
    }

    /** Sets the time zone the page sees (Date, Intl) from now on, e.g. {@code Asia/Shanghai}. */
    public Browser timeZone(String zoneId) {
        driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zoneId));
        return this;
    }

    /**
     * Ignores the pages' Content-Security-Policy from now on (CDP {@code Page.setBypassCSP}), for tests that run
     * their own JavaScript on pages which forbid it, such as the gateway's JSON answers ({@code default-src 'none'}).
     * Never for tests of the web UI: its policy is part of what they test.
     */
    public Browser bypassContentSecurityPolicy() {
        driver().executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
        return this;
    }

    /** The language the browser was started with ({@code navigator.language}, {@code Accept-Language}). */
    public String language() {
        return language;
    }

    /**
     * Saves a screenshot of the page as {@code target/screenshots/<TestClass>/<step>.png} (outside JUnit:
     * {@code target/screenshots/Browser/}) and returns its path.
     */
    public Path screenshot(String step) {
        Path file = SCREENSHOTS.resolve(screenshotFolder).resolve(safe(step) + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver().getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the screenshot " + file, e);
        }
        return file;
    }

    /** The errors the pages wrote to the console (console.error, uncaught exceptions, failed loads) since the test began. */
    public synchronized List<String> consoleErrors() {
        for (LogEntry entry : driver().manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        return List.copyOf(consoleErrors);
    }

    /**
     * A fresh state, as for a new visitor: no cookies (of any site), no local or session storage on the origins
     * opened, no remembered console errors, {@code about:blank}. Runs before every test.
     */
    public synchronized Browser reset() {
        ChromeDriver chrome = driver();
        chrome.get("about:blank");
        chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        for (String origin : origins) {
            chrome.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin,
                    "storageTypes", "local_storage,session_storage,indexeddb,cache_storage,service_workers"));
        }
        chrome.manage().logs().get(LogType.BROWSER);
        consoleErrors.clear();
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        screenshotFolder = context.getRequiredTestClass().getSimpleName();
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (driver != null) {
            try {
                Path saved = screenshot(stepName(context) + "-failed");
                failure.addSuppressed(new Evidence("Screenshot of the page at the failure: " + saved.toAbsolutePath()
                        + " (" + url() + ")"));
                List<String> errors = consoleErrors();
                if (!errors.isEmpty()) {
                    failure.addSuppressed(new Evidence("Browser console errors: " + String.join("\n", errors)));
                }
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Quits the browser and stops the driver. */
    @Override
    public synchronized void close() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
        }
    }

    /** The test method's name, and for a parameterised test's invocation its display name too. */
    private static String stepName(ExtensionContext context) {
        String method = context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        return display.startsWith(method + "(") ? method : method + "-" + display;
    }

    private static String safe(String name) {
        String safe = name.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
        return safe.length() > 120 ? safe.substring(0, 120) : safe;
    }

    /** Extra information attached to a failed test (no stack trace of its own). */
    private static final class Evidence extends RuntimeException {
        Evidence(String message) {
            super(message, null, false, false);
        }
    }

    /** How the browser starts: language and time zone. */
    public static final class Builder {

        private Path chromium = CHROMIUM;
        private Path chromedriver = CHROMEDRIVER;
        private String language = "en-US";
        private String timeZone;

        private Builder() {
        }

        /** A BCP 47 language tag such as {@code en-US} or {@code zh-CN} (default {@code en-US}). */
        public Builder language(String languageTag) {
            this.language = languageTag;
            return this;
        }

        /** An IANA time zone such as {@code Asia/Shanghai} (default: the machine's). */
        public Builder timeZone(String zoneId) {
            this.timeZone = zoneId;
            return this;
        }

        /** Other binaries than {@link #CHROMIUM} and {@link #CHROMEDRIVER}. */
        public Builder binaries(Path chromiumBinary, Path chromedriverBinary) {
            this.chromium = chromiumBinary;
            this.chromedriver = chromedriverBinary;
            return this;
        }

        public Browser build() {
            return new Browser(chromium, chromedriver, language, timeZone);
        }
    }
}
