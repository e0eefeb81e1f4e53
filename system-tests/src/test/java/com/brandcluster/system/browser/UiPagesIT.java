package com.brandcluster.system.browser;

import com.brandcluster.system.support.Accessibility;
import com.brandcluster.system.support.Browser;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.system.support.PortalUi;
import com.brandcluster.testsupport.KeycloakExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main pages of the web UI, as each kind of user sees them with the demo data: each page is saved as a screenshot
 * ({@code target/screenshots/UiPagesIT/<page>.png}), passes axe-core's check with no serious or critical violation,
 * and meets no violation of the gateway's Content-Security-Policy. The Swagger UI the gateway serves lists the five
 * services' APIs and renders each without a console error.
 */
@PortalSystemTest
class UiPagesIT {

    @RegisterExtension
    static final Browser browser = Browser.headless().build();

    private static PortalUi ui;
    private static String expertLi;

    @BeforeAll
    static void portal() {
        ui = PortalUi.forPortal(browser);
        expertLi = KeycloakExtension.claims(KeycloakExtension.passwordToken("expert-li", KeycloakExtension.DEMO_PASSWORD))
                .path("sub").asString();
    }

    @Test
    void publicPages() {
        ui.open("/clusters/lighting");
        WebElement memberTier = ui.visible(By.xpath("//main//tbody/tr[th[normalize-space()='Member']]"));
        assertThat(memberTier.findElements(By.tagName("td")).stream().map(WebElement::getText))
                .as("fee, consultation hours and seats per event of the lighting cluster's entry tier")
                .containsExactly("CN¥20,000.00", "4", "2");

        checkPages(null, pages(
                "home", "/",
                "cluster", "/clusters/lighting",
                "verify", "/verify"));
    }

    @Test
    void enterprisePages() {
        checkPages("enterprise-opal", pages(
                "enterprise", "/enterprise",
                "memberships", "/membership/memberships",
                "applications", "/membership/applications",
                "experts", "/salons",
                "expert", "/salons/experts/" + expertLi,
                "brand-kit", "/brand-kit",
                "events", "/events",
                "notifications", "/notifications"));
    }

    @Test
    void secretariatPages() {
        checkPages("secretariat-lighting", pages(
                "secretariat-dashboard", "/secretariat/lighting",
                "secretariat-applications", "/secretariat/lighting/applications",
                "secretariat-members", "/secretariat/lighting/members"));
    }

    @Test
    void expertPages() {
        checkPages("expert-li", pages(
                "expert-consultations", "/expert/consultations",
                "expert-availability", "/expert/availability"));
    }

    @Test
    void theSwaggerUiListsTheFiveApisAndRendersEachWithoutAConsoleError() {
        browser.open(ui.gateway() + "/swagger-ui.html");
        Select definitions = new Select(ui.visible(By.cssSelector(".topbar select")));
        List<String> names = definitions.getOptions().stream().map(WebElement::getText).toList();
        assertThat(names).containsExactlyInAnyOrder("membership-service", "events-service", "expert-salon-service",
                "branding-assets-service", "notification-service");

        for (String name : names) {
            new Select(browser.driver().findElement(By.cssSelector(".topbar select"))).selectByVisibleText(name);
            ui.waiting().withMessage(() -> "the operations of " + name + " in the Swagger UI")
                    .until(driver -> driver.getCurrentUrl().contains("urls.primaryName=" + name)
                            && !driver.findElements(By.cssSelector(".information-container .title")).isEmpty()
                            && !driver.findElements(By.cssSelector(".opblock")).isEmpty()
                            && driver.findElements(By.cssSelector(".loading-container")).isEmpty());
            if (name.equals("membership-service")) {
                browser.screenshot("swagger-ui");
            }
        }
        assertThat(ui.cspViolations()).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Signs in (unless {@code username} is null), then checks every page; fails once, listing every problem. */
    private static void checkPages(String username, Map<String, String> pages) {
        if (username != null) {
            ui.signInAt("/", username);
        }
        List<String> problems = new ArrayList<>();
        pages.forEach((name, path) -> {
            ui.open(path);
            browser.screenshot(name);
            try {
                Accessibility.assertNoSeriousViolations(browser, "the " + name + " page");
            } catch (AssertionError violations) {
                problems.add(violations.getMessage());
            }
            List<String> csp = ui.cspViolations();
            if (!csp.isEmpty()) {
                problems.add("Content-Security-Policy violations on the " + name + " page (" + path + "): " + csp);
            }
        });
        assertThat(problems).as("problems of the pages").isEmpty();
    }

    private static Map<String, String> pages(String... namesAndPaths) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (int i = 0; i < namesAndPaths.length; i += 2) {
            pages.put(namesAndPaths[i], namesAndPaths[i + 1]);
        }
        return pages;
    }
}
