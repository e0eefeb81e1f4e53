package com.brandcluster.system.browser;

import com.brandcluster.system.support.Browser;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.system.support.PortalUi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language switch in the header: an English browser gets the English portal; switching to 简体中文 changes the
 * texts, the document's {@code lang} and title at once, and the choice survives a reload and a new page; switching
 * back gives English again.
 */
@PortalSystemTest
class UiLanguageIT {

    @RegisterExtension
    static final Browser browser = Browser.headless().build();

    private static PortalUi ui;

    @BeforeAll
    static void portal() {
        ui = PortalUi.forPortal(browser);
    }

    @Test
    void switchingToSimplifiedChineseChangesTheTextsAndLangAndSurvivesAReload() {
        ui.open("/");
        assertThat(ui.documentLanguage()).isEqualTo("en");
        assertThat(ui.heading()).isEqualTo("Industry brand clusters");
        assertThat(ui.navigation()).containsExactly("Verify a member");
        assertThat(signInButton()).isEqualTo("Sign in");

        ui.language("简体中文");

        ui.visibleWithText("main h1", "产业品牌集群");
        assertThat(ui.documentLanguage()).isEqualTo("zh-CN");
        assertThat(ui.navigation()).containsExactly("会员验证");
        assertThat(signInButton()).isEqualTo("登录");
        assertThat(browser.driver().getTitle()).isEqualTo("产业品牌集群 · 品牌集群门户");
        browser.screenshot("home-zh-CN");

        browser.driver().navigate().refresh();
        ui.awaitLoaded();
        assertThat(ui.heading()).isEqualTo("产业品牌集群");
        assertThat(ui.documentLanguage()).isEqualTo("zh-CN");
        ui.open("/verify");
        assertThat(ui.heading()).isEqualTo("会员验证");
        assertThat(ui.documentLanguage()).isEqualTo("zh-CN");

        ui.language("English");

        ui.visibleWithText("main h1", "Verify a member");
        assertThat(ui.documentLanguage()).isEqualTo("en");
        assertThat(ui.cspViolations()).isEmpty();
    }

    private static String signInButton() {
        return browser.driver().findElement(By.cssSelector("header.top button.primary")).getText();
    }
}
