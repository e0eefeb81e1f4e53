package com.brandcluster.system.portal;

import com.brandcluster.testsupport.ApiClient;
import com.brandcluster.testsupport.RabbitExtension;
import com.brandcluster.testsupport.RabbitInfo;
import com.brandcluster.testsupport.RabbitManagement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's run command, {@code ./portal}, as a newcomer uses it: {@code up} starts the real Keycloak (unpacked
 * from the Maven-cached distribution into its state folder), the local file-backed MongoDB, the services and the
 * gateway, loads the demo data, and a demo user logs in; {@code status} shows everything healthy; {@code down}
 * leaves nothing running. Own state folder, free ports and a RabbitMQ vhost of its own (not this JVM's test vhost,
 * where the system tests' portal consumes from the same queue names), so it disturbs nothing else.
 */
@ExtendWith(RabbitExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalScriptIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Map<String, Integer> PORTS = new HashMap<>();
    private static Path state;
    private static String vhost;
    private static Run up;

    @BeforeAll
    static void portalUp() throws Exception {
        vhost = RabbitExtension.info().virtualHost() + "-portal-script";
        RabbitExtension.management().put("/api/vhosts/" + RabbitManagement.enc(vhost), Map.of());
        RabbitExtension.management().put("/api/permissions/" + RabbitManagement.enc(vhost) + "/"
                + RabbitManagement.enc(RabbitExtension.info().username()),
                Map.of("configure", ".*", "write", ".*", "read", ".*"));
        state = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "portal-state-");
        for (String port : List.of("GATEWAY_PORT", "MEMBERSHIP_PORT", "EVENTS_PORT", "SALONS_PORT", "ASSETS_PORT",
                "NOTIFICATIONS_PORT", "KEYCLOAK_PORT", "KEYCLOAK_MANAGEMENT_PORT", "LOCAL_MONGO_PORT",
                "MAIL_SMTP_PORT", "MAIL_UI_PORT")) {
            try (var socket = new java.net.ServerSocket(0)) {
                PORTS.put(port, socket.getLocalPort());
            }
        }
        up = portal(Duration.UP, "up", "--detach");
    }

    @AfterAll
    static void portalDown() throws Exception {
        portal(Duration.SHORT, "down");
        RabbitExtension.management().delete("/api/vhosts/" + RabbitManagement.enc(vhost));
    }

    @Test
    @Order(1)
    void upStartsEverythingLoadsTheDemoDataAndSaysWhereItIs() {
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output())
                .contains("http://localhost:" + PORTS.get("GATEWAY_PORT"))
                .contains("secretariat-lighting")
                .contains("Demo data: ready")
                .contains("MongoDB: local wire-compatible server")
                .contains("Mail: local mail catcher")
                .contains("http://localhost:" + PORTS.get("MAIL_UI_PORT"));
    }

    @Test
    @Order(2)
    void aDemoUserLogsInAgainstTheRealKeycloakAndReadsThroughTheGateway() throws Exception {
        String token = JsonMapper.builder().build().readTree(HttpClient.newHttpClient().send(HttpRequest
                        .newBuilder(URI.create("http://localhost:" + PORTS.get("KEYCLOAK_PORT")
                                + "/realms/brand-cluster/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=password&client_id=portal-cli&username=enterprise-opal&password=demo-pass"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body())
                .path("access_token").asString();

        ApiClient.Response mine = new ApiClient("http://127.0.0.1:" + PORTS.get("GATEWAY_PORT")).as(token)
                .get("/api/membership/enterprises/me");

        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.at("/legalName")).isEqualTo("Opal Lighting Co., Ltd.");
    }

    @Test
    @Order(2)
    void theWebPortalIsServedAtTheUrlItPrints() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + PORTS.get("GATEWAY_PORT") + "/clusters/lighting"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<div id=\"root\"></div>").containsPattern("src=\"/assets/index-[^\"]+\\.js\"");
    }

    @Test
    @Order(3)
    void theDemoMembersAdmissionMailsWaitInTheLocalMailCatcher() {
        HttpClient http = HttpClient.newHttpClient();
        URI inbox = URI.create("http://127.0.0.1:" + PORTS.get("MAIL_UI_PORT")
                + "/api/user/enterprise-opal@demo.brandcluster.test/messages/INBOX");

        await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> mails = http.send(HttpRequest.newBuilder(inbox).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(mails.statusCode()).isEqualTo(200);
            assertThat(JsonMapper.builder().build().readTree(mails.body()).valueStream()
                    .map(mail -> mail.path("subject").asString()))
                    .anySatisfy(subject -> assertThat(subject).startsWith("Welcome to China Lighting Brand Cluster"));
        });
    }

    @Test
    @Order(4)
    void statusShowsEveryComponentRunningAndHealthy() throws Exception {
        Run status = portal(Duration.SHORT, "status");

        assertThat(status.exitCode()).isZero();
        for (String component : List.of("keycloak", "mail", "membership-service", "events-service",
                "expert-salon-service", "branding-assets-service", "notification-service", "gateway")) {
            assertThat(status.output()).as(status.output()).containsPattern(component + "\\s+\\d+\\s+running\\s+UP");
        }
        assertThat(status.output()).containsPattern("mongo\\s+\\d+\\s+running");
    }

    @Test
    @Order(5)
    void aSecondUpWhileRunningSaysSoInOneLine() throws Exception {
        Run again = portal(Duration.SHORT, "up", "--detach");

        assertThat(again.exitCode()).isNotZero();
        assertThat(again.output().strip()).isEqualTo("portal: the portal runs already (./portal status); ./portal down stops it");
    }

    @Test
    @Order(6)
    void downStopsEveryProcessItStartedAndFreesEveryPort() throws Exception {
        List<Long> pids;
        try (Stream<Path> files = Files.list(state.resolve("pids"))) {
            pids = files.map(PortalScriptIT::pidIn).toList();
        }
        assertThat(pids).hasSizeGreaterThanOrEqualTo(10);

        Run down = portal(Duration.SHORT, "down");

        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(pids).allSatisfy(pid ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid).isFalse());
        assertThat(PORTS.values()).allSatisfy(port -> assertThat(listening(port)).as("port " + port).isFalse());
    }

    // ------------------------------------------------------------------------------------------------------------

    private enum Duration { SHORT, UP }

    private record Run(int exitCode, String output) {
    }

    private static long pidIn(Path pidFile) {
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Run portal(Duration duration, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("portal").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        PORTS.forEach((name, port) -> env.put(name, Integer.toString(port)));
        RabbitInfo rabbit = RabbitExtension.info();
        env.put("PORTAL_STATE_DIR", state.toString());
        env.put("PORTAL_SKIP_BUILD", "1");
        env.put("PORTAL_LOCAL_MONGO", "1");
        env.put("RABBITMQ_ADDRESSES", rabbit.addresses());
        env.put("RABBITMQ_USERNAME", rabbit.username());
        env.put("RABBITMQ_PASSWORD", rabbit.password());
        env.put("RABBITMQ_VHOST", vhost);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("MONGODB_URI");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(duration == Duration.UP ? 6 : 2, TimeUnit.MINUTES);
        assertThat(finished).as("./portal " + String.join(" ", args) + " finished").isTrue();
        return new Run(process.exitValue(), output.replaceAll("\u001B\\[[0-9;]*m", ""));
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
