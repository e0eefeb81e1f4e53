package com.brandcluster.system.browser;

import com.brandcluster.system.support.Browser;
import com.brandcluster.system.support.Members;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.system.support.PortalUi;
import com.brandcluster.system.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The way into a cluster, entirely in the web UI: a new enterprise user registers the enterprise (a valid unified
 * social credit code) and applies to the lighting cluster; the lighting secretariat approves the application in its
 * review queue; the enterprise then sees its ACTIVE membership with its member number.
 */
@PortalSystemTest
class UiMembershipFlowIT {

    private static final String CLUSTER = "China Lighting Brand Cluster";

    @RegisterExtension
    static final Browser browser = Browser.headless().build();

    private static PortalUi ui;

    @BeforeAll
    static void portal() {
        ui = PortalUi.forPortal(browser);
    }

    @Test
    void anEnterpriseRegistersAndAppliesTheSecretariatApprovesAndTheEnterpriseSeesItsActiveMembership() {
        String user = Users.create("newco", "enterprise");
        String legalName = "Guzhen " + user + " Lamps Co., Ltd.";

        ui.signInAt("/enterprise", user);
        assertThat(ui.heading()).isEqualTo("Register your enterprise");
        ui.field("Legal name").sendKeys(legalName);
        ui.field("Unified social credit code").sendKeys(Members.newCreditCode());
        ui.field("Region").sendKeys("Guangdong");
        ui.field("Industry").sendKeys("Lighting");
        new Select(ui.field("Size")).selectByValue("SMALL");
        browser.screenshot("enterprise-register");
        submit("Register the enterprise");
        // the session is refreshed with the new enterprise_id: the page shows the registered enterprise
        ui.visibleWithText("main h1", legalName);
        ui.awaitLoaded();
        browser.screenshot("enterprise");

        ui.open("/membership/applications");
        new Select(ui.field("Cluster")).selectByVisibleText(CLUSTER);
        ui.field("Motivation").sendKeys("We make street lights in Guzhen and want to build the cluster brand with you.");
        submit("Submit the application");
        ui.visibleWithText("main h1", "Application to " + CLUSTER);
        ui.awaitLoaded();
        assertThat(ui.visible(By.cssSelector("main .badge")).getText()).isEqualTo("Submitted");
        browser.screenshot("application-submitted");
        ui.signOut();

        ui.signInAt("/secretariat/lighting/applications", "secretariat-lighting");
        assertThat(ui.heading()).contains("Application review");
        WebElement application = ui.waiting().until(driver -> driver.findElements(By.cssSelector("main article.card"))
                .stream().filter(card -> card.findElement(By.tagName("h3")).getText().equals(legalName))
                .findFirst().orElse(null));
        browser.screenshot("secretariat-applications");
        application.findElement(By.xpath(".//button[normalize-space()='Approve']")).click();
        String approved = ui.visible(By.cssSelector("main .alert-ok")).getText();
        assertThat(approved).startsWith(legalName + " is now a member: LIGHT-");
        String memberNumber = approved.substring(approved.indexOf("LIGHT-"), approved.length() - 1);
        ui.signOut();

        ui.signInAt("/membership/memberships", user);
        WebElement row = ui.waiting().until(driver -> driver.findElements(By.cssSelector("main tbody tr")).stream()
                .filter(tr -> tr.findElement(By.tagName("th")).getText().equals(CLUSTER)).findFirst().orElse(null));
        assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Active");
        assertThat(row.getText()).contains(memberNumber);
        browser.screenshot("memberships");
        assertThat(ui.cspViolations()).isEmpty();
    }

    private static void submit(String label) {
        browser.driver().findElement(By.xpath("//main//button[@type='submit' and normalize-space()='" + label + "']"))
                .click();
    }
}
