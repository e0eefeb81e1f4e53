package com.brandcluster.system.browser;

import com.brandcluster.system.support.Browser;
import com.brandcluster.system.support.Members;
import com.brandcluster.system.support.Members.Member;
import com.brandcluster.system.support.Portal;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.system.support.PortalUi;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.KeycloakExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consultation in the web UI: a member enterprise picks a free slot of expert Li in the slot picker, shown in the
 * browser's time zone (São Paulo here, eleven hours behind the expert's Shanghai), and books it; the expert confirms
 * it among the pending consultations; the enterprise then sees it CONFIRMED.
 */
@PortalSystemTest
class UiConsultationIT {

    private static final String VIEWER_ZONE = "America/Sao_Paulo";
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US)
            .withZone(ZoneId.of(VIEWER_ZONE));
    private static final int WEEKS_TO_LOOK_AHEAD = 4;

    @RegisterExtension
    static final Browser browser = Browser.headless().timeZone(VIEWER_ZONE).build();

    private static PortalUi ui;

    @BeforeAll
    static void portal() {
        ui = PortalUi.forPortal(browser);
    }

    @Test
    void aMemberBooksASlotInItsTimeZoneTheExpertConfirmsAndTheMemberSeesItConfirmed() {
        ApiClient portal = Portal.get().viaGateway();
        Member member = Members.admitted(portal, "lighting", "secretariat-lighting", 1, 1).getFirst();
        Members.awaitStanding(portal, "/api/salons", "lighting", member, "ACTIVE");
        String expertLi = KeycloakExtension.claims(
                KeycloakExtension.passwordToken("expert-li", KeycloakExtension.DEMO_PASSWORD)).path("sub").asString();
        String note = "Pricing our street lights under the cluster brand (" + UUID.randomUUID() + ")";

        ui.signInAt("/salons/experts/" + expertLi, member.username());
        assertThat(ui.heading()).isEqualTo("Li Guangdou");
        assertThat(ui.visible(By.cssSelector(".slot-picker legend")).getText())
                .isEqualTo("Free slots, shown in your time zone (" + VIEWER_ZONE + ")");
        WebElement slot = firstFreeSlot();
        Instant start = Instant.parse(slot.getDomProperty("value"));
        String label = slot.findElement(By.xpath("..")).getText();
        assertThat(normalised(label)).as("the slot's times in the browser's time zone")
                .startsWith(SHORT_TIME.format(start) + "–");
        slot.click();
        new Select(ui.field("Topic")).selectByVisibleText("Brand strategy");
        ui.field("Note for the expert (optional)").sendKeys(note);
        browser.screenshot("expert-page-slot-chosen");
        browser.driver().findElement(By.xpath("//main//button[normalize-space()='Book this slot']")).click();

        ui.visibleWithText("main h1", "Consultation with Li Guangdou");
        ui.awaitLoaded();
        assertThat(ui.visible(By.cssSelector("main .badge")).getText()).isEqualTo("Pending");
        String consultation = ui.browser().url().substring(ui.gateway().length());
        ui.signOut();

        ui.signInAt("/expert/consultations", "expert-li");
        WebElement pending = consultationRow(note);
        assertThat(pending.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Pending");
        browser.screenshot("expert-consultations");
        pending.findElement(By.xpath(".//button[normalize-space()='Confirm']")).click();
        ui.waiting().withMessage("the consultation confirmed in the expert's list")
                .until(driver -> consultationRow(note).findElement(By.cssSelector(".badge")).getText().equals("Confirmed"));
        ui.signOut();

        ui.signInAt(consultation, member.username());
        assertThat(ui.visible(By.cssSelector("main .badge")).getText()).isEqualTo("Confirmed");
        ui.open("/salons/consultations");
        WebElement mine = ui.visible(By.xpath("//main//tr[.//a[@href='" + consultation + "']]"));
        assertThat(mine.getText()).contains("Li Guangdou", "Brand strategy");
        assertThat(mine.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Confirmed");
        browser.screenshot("enterprise-consultations");
        assertThat(ui.cspViolations()).isEmpty();
    }

    /** The first free slot of the picker, going to the next weeks while one shows none. */
    private static WebElement firstFreeSlot() {
        for (int week = 0; week < WEEKS_TO_LOOK_AHEAD; week++) {
            ui.awaitLoaded();
            List<WebElement> slots = browser.driver().findElements(By.cssSelector(".slot-picker input[type=radio]"));
            if (!slots.isEmpty()) {
                return slots.getFirst();
            }
            browser.driver().findElement(By.xpath("//fieldset[@class='slot-picker']//button[normalize-space()='Next week']"))
                    .click();
        }
        throw new AssertionError("expert Li has no free slot in the next " + WEEKS_TO_LOOK_AHEAD + " weeks");
    }

    /** The row of the consultation with this note in the page's lists. */
    private static WebElement consultationRow(String note) {
        return ui.waiting().withMessage(() -> "a consultation noted \"" + note + "\" on " + browser.url())
                .until(driver -> driver.findElements(By.cssSelector("main tbody tr")).stream()
                        .filter(row -> row.getText().contains(note)).findFirst().orElse(null));
    }

    /** Intl separates the time from AM/PM with a narrow no-break space. */
    private static String normalised(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
