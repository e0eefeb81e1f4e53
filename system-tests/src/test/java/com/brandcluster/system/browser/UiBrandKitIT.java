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
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brand kit in the web UI: a member in good standing downloads the whole kit as a zip (with its progress bar,
 * saved by the browser) and a members-only asset; a suspended member sees that only the public assets are theirs and
 * is refused the members-only asset with a message saying why and what to do.
 */
@PortalSystemTest
class UiBrandKitIT {

    private static final String CLUSTER = "lighting";

    @RegisterExtension
    static final Browser browser = Browser.headless().build();

    private static PortalUi ui;
    private static ApiClient portal;
    private static Member member;
    private static Member suspended;
    private static String logoId;

    @BeforeAll
    static void membersAndTheKit() {
        ui = PortalUi.forPortal(browser);
        portal = Portal.get().viaGateway();
        List<Member> members = Members.admitted(portal, CLUSTER, "secretariat-lighting", 2, 2);
        member = members.get(0);
        suspended = members.get(1);
        JsonNode assets = portal.as(KeycloakExtension.passwordToken("secretariat-lighting", KeycloakExtension.DEMO_PASSWORD))
                .get("/api/assets/clusters/" + CLUSTER + "/assets").json().get("content");
        logoId = assets.valueStream().filter(asset -> asset.path("title").asString().equals("Cluster logo"))
                .findFirst().orElseThrow().path("id").asString();
    }

    @Test
    void aMemberDownloadsTheWholeKitAndAMembersOnlyAsset() throws IOException {
        Members.awaitStanding(portal, "/api/assets", CLUSTER, member, "ACTIVE");
        Path downloads = ui.downloadsInto(Path.of("target", "downloads", "member"));

        ui.signInAt("/brand-kit", member.username());
        assertThat(ui.heading()).isEqualTo("Brand kit");
        assertThat(ui.visible(By.linkText("Cluster logo")).isDisplayed()).isTrue();
        browser.screenshot("brand-kit");
        browser.driver().findElement(By.xpath("//main//button[normalize-space()='Download the kit (zip)']")).click();

        Path kit = ui.downloaded(downloads, ".zip");
        assertThat(kit.getFileName().toString()).isEqualTo("lighting-brand-kit.zip");
        ApiClient.Response sameKitFromTheApi = portal.as(member.token()).get("/api/assets/clusters/" + CLUSTER + "/kit.zip");
        assertThat(Files.size(kit)).as("the zip's size").isGreaterThan(1_000)
                .isEqualTo(sameKitFromTheApi.raw().headers().firstValueAsLong("Content-Length").orElseThrow());
        try (ZipFile zip = new ZipFile(kit.toFile())) {
            List<String> names = new ArrayList<>(zip.stream().map(ZipEntry::getName).toList());
            assertThat(names).contains("lighting-cluster-logo.svg", "lighting-brand-guidelines.pdf").hasSize(3);
        }

        ui.open("/brand-kit/assets/" + logoId);
        assertThat(ui.heading()).isEqualTo("Cluster logo");
        browser.driver().findElement(By.xpath("//main//button[normalize-space()='Download version 1']")).click();
        Path logo = ui.downloaded(downloads, ".svg");
        String fromTheApi = portal.as(member.token()).get("/api/assets/assets/" + logoId + "/content").body();
        assertThat(Files.readString(logo)).startsWith("<").contains("<svg").isEqualTo(fromTheApi);
        browser.screenshot("brand-kit-asset");
        assertThat(ui.cspViolations()).isEmpty();
    }

    @Test
    void aSuspendedMemberSeesPublicAssetsOnlyAndIsRefusedTheMembersOnlyAssetWithTheReason() {
        ApiClient.Response suspension = portal.as(KeycloakExtension.passwordToken("secretariat-lighting",
                        KeycloakExtension.DEMO_PASSWORD))
                .post("/api/membership/clusters/" + CLUSTER + "/members/" + suspended.enterpriseId() + "/suspension",
                        Map.of("reason", "Annual fee unpaid after two reminders"));
        assertThat(suspension.status()).as(suspension.toString()).isEqualTo(200);
        Members.awaitStanding(portal, "/api/assets", CLUSTER, suspended, "SUSPENDED");

        ui.signInAt("/brand-kit", suspended.username());
        assertThat(ui.visible(By.cssSelector("main .alert-info")).getText()).isEqualTo(
                "Your membership of this cluster is Suspended: you see the public assets only until it is in good "
                        + "standing again.");
        ui.visible(By.linkText("Brand guidelines 2026"));
        assertThat(browser.driver().findElements(By.linkText("Cluster logo"))).isEmpty();
        browser.screenshot("brand-kit-suspended");

        ui.open("/brand-kit/assets/" + logoId);
        String refusal = ui.visible(By.cssSelector("main [role=alert]")).getText();
        assertThat(refusal).startsWith("Your membership is suspended")
                .contains("The secretariat suspended it; ask them what is needed for reinstatement. Until then, do not "
                        + "use the cluster mark.");
        browser.screenshot("brand-kit-asset-refused");
        assertThat(ui.cspViolations()).isEmpty();
    }
}
