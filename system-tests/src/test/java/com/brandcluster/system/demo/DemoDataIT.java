package com.brandcluster.system.demo;

import com.brandcluster.system.support.Portal;
import com.brandcluster.system.support.PortalSystemTest;
import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.KeycloakExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data loader ({@code ./portal up} runs it) against the whole portal: it builds the demo alliance through
 * the services' APIs, and a second run changes nothing.
 */
@PortalSystemTest
@Order(1)
class DemoDataIT {

    private static final String PASSWORD = KeycloakExtension.DEMO_PASSWORD;

    @Test
    void loadsTheDemoAllianceThroughTheApisAndASecondRunChangesNothing() throws Exception {
        Portal portal = Portal.get();

        Run first = runLoader(portal);
        assertThat(first.exitCode()).as(first.output()).isZero();

        ApiClient api = portal.viaGateway();
        assertThat(api.get("/api/membership/clusters").json().findValuesAsString("id"))
                .contains("lighting", "coking-coal", "zhejiang-made");
        assertThat(api.get("/api/membership/clusters/lighting").json().get("tiers").findValuesAsString("code"))
                .containsExactly("member", "council", "vice-chair");

        String opal = KeycloakExtension.freshPasswordToken("enterprise-opal", PASSWORD);
        String opalId = KeycloakExtension.claims(opal).path("enterprise_id").asString();
        ApiClient.Response membership = api.as(opal).get("/api/membership/clusters/lighting/members/" + opalId);
        assertThat(membership.status()).as(membership.toString()).isEqualTo(200);
        assertThat(membership.at("/status")).isEqualTo("ACTIVE");
        assertThat(membership.at("/tier")).isEqualTo("vice-chair");

        ApiClient lighting = api.as(KeycloakExtension.passwordToken("secretariat-lighting", PASSWORD));
        var applications = lighting.get("/api/membership/clusters/lighting/applications").json();
        assertThat(applications.findValuesAsString("status")).contains("APPROVED", "SUBMITTED", "REJECTED");
        assertThat(Integer.parseInt(lighting.get("/api/membership/clusters/lighting/members").at("/totalElements")))
                .isGreaterThanOrEqualTo(4);
        ApiClient coal = api.as(KeycloakExtension.passwordToken("secretariat-coal", PASSWORD));
        assertThat(coal.get("/api/membership/clusters/coking-coal/members").at("/totalElements")).isEqualTo("2");

        assertThat(api.get("/api/membership/clusters/lighting/officers").json().get("officers").findValuesAsString("seat"))
                .containsExactlyInAnyOrder("CHAIRMAN", "VICE_CHAIRMAN", "SECRETARY_GENERAL");
        assertThat(api.get("/api/membership/clusters/lighting/conventions/current").at("/status")).isEqualTo("ADOPTED");
        assertThat(lighting.get("/api/membership/clusters/lighting/members?status=SUSPENDED").json().get("content")
                .findValuesAsString("enterpriseName")).containsExactly("Zhejiang Yankon Group Co., Ltd.");
        assertThat(api.get("/api/membership/clusters/zhejiang-made/members?standard=T/ZZB%200017-2016").at("/totalElements"))
                .isEqualTo("1");
        String zhejiang = KeycloakExtension.freshPasswordToken("secretariat-zhejiang", PASSWORD);
        assertThat(KeycloakExtension.claims(zhejiang).path("secretariat_of").valueStream().map(n -> n.asString()).toList())
                .containsExactly("zhejiang-made");
        assertThat(api.as(zhejiang).get("/api/membership/clusters/zhejiang-made/applications?status=SUBMITTED")
                .json().findValuesAsString("enterpriseName")).containsExactly("Shaoxing Keqiao Textile Co., Ltd.");

        assertThat(api.get("/api/salons/experts?topic=BRAND_STRATEGY").json().get("content")
                .findValuesAsString("name")).contains("Li Guangdou");
        String expertLi = KeycloakExtension.claims(KeycloakExtension.passwordToken("expert-li", PASSWORD)).path("sub").asString();
        assertThat(api.get("/api/salons/experts/" + expertLi + "/slots?from=" + java.time.LocalDate.now().plusDays(2)
                + "&to=" + java.time.LocalDate.now().plusDays(16) + "&tz=Asia/Shanghai").json().get("slots").size())
                .isGreaterThan(0);
        var salons = api.get("/api/salons/clusters/lighting/salons").json().get("content");
        assertThat(salons.findValuesAsString("theme")).contains("Brand Home, Brand Price");
        assertThat(salons.findValuesAsString("seatsTaken")).contains("2");
        String salonId = salons.get(0).path("id").asString();
        var programme = api.get("/api/salons/salons/" + salonId + "/programme").json().get("slots");
        assertThat(programme.findValuesAsString("state")).containsExactly("CONFIRMED", "OPEN", "BOOKED");
        assertThat(programme.get(0).path("expert").path("name").asString()).isEqualTo("Li Guangdou");
        ApiClient opalApi = api.as(opal);
        assertThat(opalApi.get("/api/salons/needs").json().get("topics").valueStream().map(n -> n.asString()).toList())
                .containsExactly("BRAND_EVALUATION", "TRADEMARKS_AND_IP");
        assertThat(opalApi.get("/api/salons/matches").json().get("experts").findValuesAsString("name"))
                .contains("Li Guangdou", "Wang Xin");
        var consultations = opalApi.get("/api/salons/consultations").json().get("content");
        assertThat(consultations.valueStream().map(c -> c.path("state").asString() + " with " + c.path("expertName")
                .asString()).toList()).containsExactly("CONFIRMED with Wang Xin");

        var exchangeEvents = api.get("/api/events/clusters/lighting/events").json().get("content");
        assertThat(exchangeEvents.findValuesAsString("title")).contains("Lighting supply-chain cooperation meeting");
        var meeting = exchangeEvents.valueStream()
                .filter(e -> e.path("title").asString().equals("Lighting supply-chain cooperation meeting")).findFirst()
                .orElseThrow();
        assertThat(meeting.path("seatsTaken").asInt()).isEqualTo(3);
        var agenda = opalApi.get("/api/events/events/" + meeting.path("id").asString() + "/meetings").json()
                .get("meetings");
        assertThat(agenda.valueStream().map(m -> m.path("status").asString()).toList()).containsExactly("ACCEPTED");
        var needs = opalApi.get("/api/events/clusters/lighting/posts?kind=NEED").json().get("content");
        assertThat(needs.findValuesAsString("title")).contains("LED driver supplier for street lights");
        String needId = needs.valueStream().filter(p -> p.path("title").asString().startsWith("LED driver supplier"))
                .findFirst().orElseThrow().path("id").asString();
        assertThat(opalApi.get("/api/events/posts/" + needId + "/matches").json().findValuesAsString("title"))
                .contains("Constant-current LED drivers, 40-300 W");

        var brandKit = lighting.get("/api/assets/clusters/lighting/assets").json().get("content");
        assertThat(brandKit.findValuesAsString("title")).contains("Cluster logo", "Brand guidelines 2026");
        String guidelines = brandKit.valueStream().filter(a -> a.path("title").asString().equals("Brand guidelines 2026"))
                .findFirst().orElseThrow().path("id").asString();
        ApiClient.Response pdf = api.get("/api/assets/assets/" + guidelines + "/content");
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-1.4");

        Run second = runLoader(portal);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("(0 things created");
        assertThat(lighting.get("/api/membership/clusters/lighting/applications").json().size())
                .isEqualTo(applications.size());
    }

    private static Run runLoader(Portal portal) throws IOException, InterruptedException {
        Path jar = Path.of("..", "demo-data", "target", "demo-data-" + System.getProperty("project.version", "0.1.0-SNAPSHOT") + ".jar");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "--gateway", portal.gateway().baseUrl(), "--keycloak", KeycloakExtension.baseUrl(),
                "--admin-user", KeycloakExtension.adminUsername(), "--admin-password", KeycloakExtension.adminPassword()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        assertThat(finished).as("demo data loader finished").isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {
    }
}
